// `npx tsx test/src/bench/duplicates/duplicates-bench.ts`: precision and recall of the duplicate
// matcher on the synthetic stream, overall and per injected kind, and its speed. Each invoice is
// checked against those before it, then added to the index. Configurations: the spec as written, the
// stricter number rule alone, and the product default (both stricter rules); then a one-line sweep
// of the recurrence window and of an equal-amounts-only tolerance, to show the recall/precision
// trade-off of the amount-and-date rule. Sizes: BENCH_DUP_SEED, BENCH_DUP_INVOICES, BENCH_DUP_PER_KIND.
import { classify, createDuplicateIndex, type DuplicateCheckOptions, type DuplicateFinding } from '@countersign/nodes';
import { DEFAULT_DATASET, generateDataset } from './generator.ts';
import { DUPLICATE_KINDS } from './mutations.ts';
import { score, type CheckedInvoice, type Score } from './scoring.ts';

const options = {
  seed: Number(process.env['BENCH_DUP_SEED'] ?? DEFAULT_DATASET.seed),
  vendors: DEFAULT_DATASET.vendors,
  cleanInvoices: Number(process.env['BENCH_DUP_INVOICES'] ?? DEFAULT_DATASET.cleanInvoices),
  duplicatesPerKind: Number(process.env['BENCH_DUP_PER_KIND'] ?? DEFAULT_DATASET.duplicatesPerKind),
};
const stream = generateDataset(options);
const groupOf = new Map(stream.map((item) => [item.facts.id, item.group]));

// The rules exactly as finance-controls.md words them (SPEC_AS_WRITTEN_SETTINGS in the matcher).
const SPEC_AS_WRITTEN: DuplicateCheckOptions = { distanceOneNeedsSameAmount: false, recurrenceWindowDays: 0 };
const SWEEP: readonly (readonly [string, DuplicateCheckOptions])[] = [
  ['recurrenceWindowDays 0 (near amount alone flags)', { recurrenceWindowDays: 0 }],
  ['recurrenceWindowDays 7', { recurrenceWindowDays: 7 }],
  ['recurrenceWindowDays 14 (default)', {}],
  ['recurrenceWindowDays 30', { recurrenceWindowDays: 30 }],
  ['recurrenceWindowDays 90', { recurrenceWindowDays: 90 }],
  ['recurrenceWindowDays 365', { recurrenceWindowDays: 365 }],
  ['amountToleranceBps 0 (equal amounts only)', { amountToleranceBps: 0 }],
];

const all = (): boolean => true;
const blocking = (finding: DuplicateFinding): boolean => finding.verdict === 'duplicate';
const f3 = (x: number): string => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));
const line = (label: string, s: Score): string =>
  `${label.padEnd(26)} recall ${f3(s.recall)} (${s.found}/${s.duplicates})  precision ${f3(s.precision)} (${s.correctFindings}/${s.findings})  review precision ${f3(s.reviewPrecision)} (${s.found}/${s.candidatesWithFindings})`;

const targetMet = (s: Score): boolean => s.recall >= 0.95 && s.precision >= 0.9;

/** Runs the stream through a fresh index with `matcher` options: what each check found, and the time taken. */
function runStream(matcher: DuplicateCheckOptions): { checked: CheckedInvoice[]; seconds: number } {
  const index = createDuplicateIndex([], matcher);
  const checked: CheckedInvoice[] = [];
  const started = process.hrtime.bigint();
  for (const invoice of stream) {
    checked.push({ invoice, findings: index.check(invoice.facts) });
    index.add(invoice.facts);
  }
  return { checked, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Describes the run of one configuration in full. */
function evaluate(name: string, matcher: DuplicateCheckOptions): string[] {
  const { checked, seconds } = runStream(matcher);
  const flagged = score(checked, groupOf, all);
  const out = [
    `== ${name} ==`,
    line('flagged, overall', flagged),
    line('blocked, overall', score(checked, groupOf, blocking)),
    `false findings by rule (flagged): ${JSON.stringify(flagged.falseByRule)}`,
    'per injected kind (precision over the findings on candidates of that kind):',
  ];
  for (const kind of DUPLICATE_KINDS) {
    const ofKind = checked.filter((c) => c.invoice.kind === kind);
    out.push(line(`  ${kind} flagged`, score(ofKind, groupOf, all)), line(`  ${kind} blocked`, score(ofKind, groupOf, blocking)));
  }
  const ports = { clear: 0, suspect: 0, duplicate: 0 };
  for (const c of checked) ports[classify(c.findings)]++;
  out.push(
    `ports: ${JSON.stringify(ports)}`,
    `speed: ${stream.length} checks + adds in ${(seconds * 1000).toFixed(0)} ms = ${Math.round(stream.length / seconds).toLocaleString('en')} checks/s`,
    `target (flagged recall >= 0.95 at precision >= 0.9): ${targetMet(flagged) ? 'MET' : 'NOT MET'}`,
    '',
  );
  return out;
}

const buckets = new Map<string, number>();
for (const { facts } of stream) buckets.set(JSON.stringify([facts.entity, facts.vendorId]), (buckets.get(JSON.stringify([facts.entity, facts.vendorId])) ?? 0) + 1);
console.log(
  [
    `duplicate check benchmark: seed ${options.seed}, ${options.vendors} vendors, ${options.cleanInvoices} clean invoices, ${options.duplicatesPerKind} injected duplicates of each of ${DUPLICATE_KINDS.length} kinds (${stream.length} invoices in the stream; largest (entity, vendor) history ${Math.max(...buckets.values())})`,
    '',
    'Definitions: a finding is correct when the candidate is an injected duplicate and the finding points at its original',
    '(or at an earlier copy of the same original). recall = injected duplicates with >= 1 correct finding / injected duplicates;',
    'precision = correct findings / all findings; review precision = candidates with a correct finding / candidates with any finding.',
    'flagged = findings of verdict suspect or duplicate; blocked = findings of verdict duplicate only.',
    '',
    ...evaluate(`spec as written ${JSON.stringify(SPEC_AS_WRITTEN)}`, SPEC_AS_WRITTEN),
    ...evaluate('stricter number rule only {"recurrenceWindowDays":0}', { recurrenceWindowDays: 0 }),
    ...evaluate('product default (DEFAULT_DUPLICATE_CHECK_SETTINGS) {}', {}),
    'Trade-off of the amount-and-date rule (flagged; default number rule):',
    ...SWEEP.map(([label, matcher]) => {
      const { checked } = runStream(matcher);
      const flagged = score(checked, groupOf, all);
      const amountDate = score(checked.filter((c) => c.invoice.kind === 'amount-date'), groupOf, all);
      return `  ${label.padEnd(44)} recall ${f3(flagged.recall)}  precision ${f3(flagged.precision)}  review precision ${f3(flagged.reviewPrecision)}  amount-date kind found ${amountDate.found}/${amountDate.duplicates}${targetMet(flagged) ? '  MET' : ''}`;
    }),
  ].join('\n'),
);
