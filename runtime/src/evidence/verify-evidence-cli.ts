// `pnpm verify-evidence <pack.json>`: verifies an evidence pack offline (no database, no network) and
// prints each check; exits 0 when every check passes, 1 otherwise, 2 when the file cannot be read.
import { readFileSync } from 'node:fs';
import { verifyEvidencePack } from '@countersign/shared';

const file = process.argv[2];
if (!file) {
  console.error('usage: pnpm verify-evidence <evidence.json>');
  process.exit(2);
}
let pack: unknown;
try {
  pack = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}
const result = await verifyEvidencePack(pack);
for (const check of result.checks) console.log(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.detail}`);
console.log(result.ok ? 'The evidence pack verifies.' : 'The evidence pack does NOT verify.');
process.exit(result.ok ? 0 : 1);
