// `pnpm test` after typecheck and lint: every Vitest project, then one closing line
// "N passed, N failed" (plus skipped) counted from Vitest's JSON report, so any reader of the
// log sees the totals in one place. Exits with Vitest's own exit code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const report = 'test-artifacts/vitest-results.json';
mkdirSync('test-artifacts', { recursive: true });
const result = spawnSync('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: false,
});
if (result.error) {
  console.error(`could not start vitest: ${result.error.message}`);
  process.exit(1);
}
try {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = numPendingTests + numTodoTests;
  console.log(`\n${numPassedTests} passed, ${numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
} catch (error) {
  console.error(`no test report at ${report}: ${error.message}`);
}
process.exit(result.status ?? 1);
