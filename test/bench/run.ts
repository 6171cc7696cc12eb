import { cpus, totalmem } from 'node:os';
import { benchDonorSummary, LARGE, SMALL, THROUGH_HANDLER } from './donor-summary.bench.ts';
import { benchFirstPage, FIRST_PAGE_BUDGET_BYTES } from './first-page.bench.ts';
import { benchGetOrganization } from './get-organization.bench.ts';
import { benchLifecycle, TRANSITIONS_PER_YEAR_TARGET } from './lifecycle.bench.ts';

/**
 * `pnpm bench`: each figure printed against a baseline measured in the same run (or, for
 * sizes, against the budget). Paste the table into docs/benchmarks.md with the date.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;

console.log(`Sisi benchmarks — ${new Date().toISOString().slice(0, 10)} — ${machine}\n`);
const rows: string[] = [
  '| benchmark | figure | baseline (same run) | ratio | target | verdict |',
  '| --- | --- | --- | --- | --- | --- |',
];

for (const page of benchFirstPage()) {
  rows.push(
    `| first page JS, gzipped, ${page.language} | ${fmt(page.bytes / 1024)} kB | budget ${FIRST_PAGE_BUDGET_BYTES / 1024} kB | ${fmt(page.budgetRatio, 2)}× | ≤ 1.00× | ${page.budgetRatio <= 1 ? 'met' : 'MISSED'} |`,
  );
}

const get = await benchGetOrganization();
rows.push(
  `| GET organization, rate (c=32) | ${fmt(get.stack.rate, 0)} req/s | raw GetItem ${fmt(get.raw.rate, 0)} req/s | ${fmt(get.rateRatio, 2)}× | ≥ 0.60× | ${get.rateRatio >= 0.6 ? 'met' : 'MISSED'} |`,
  `| GET organization, p99 (c=32) | ${fmt(get.stack.p99)} ms | raw GetItem ${fmt(get.raw.p99)} ms | ${fmt(get.p99Ratio, 2)}× | ≤ 1.50× | ${get.p99Ratio <= 1.5 ? 'met' : 'MISSED'} |`,
);

const { transitions: t, quarter: q } = await benchLifecycle();
const usd = (n: number) => `$${n.toFixed(5)}`;
const perYear = (label: string, r: typeof t.noReports) =>
  `| lifecycle transitions per mentorship-year, ${label} | ${fmt(r.perYear)} (${usd(r.usdPerYear)}/year) | — | — | ≤ ${TRANSITIONS_PER_YEAR_TARGET} | ${r.perYear <= TRANSITIONS_PER_YEAR_TARGET ? 'met' : 'MISSED'} |`;
rows.push(
  perYear('no report ever', t.noReports),
  perYear('every report in time', t.reportsInTime),
  `| clock +92 days over ${q.mentorships.toLocaleString('en')} active mentorships | ${fmt(q.advanceSeconds)} s | ${q.mentorships.toLocaleString('en')} PutItem (c=8) ${fmt(q.putSeconds, 2)} s | ${fmt(q.ratio)}× | — | measured |`,
);
const donor = await benchDonorSummary();
const n = (x: number) => x.toLocaleString('en');
rows.push(
  `| GET /summary (donor), p50, ${n(LARGE)} mentorships | ${fmt(donor.large.p50)} ms | ${n(SMALL)} mentorships ${fmt(donor.small.p50)} ms | ${fmt(donor.p50Ratio, 2)}× | ≤ 1.50× | ${donor.p50Ratio <= 1.5 ? 'met' : 'MISSED'} |`,
  `| GET /summary (donor), p99, ${n(LARGE)} mentorships | ${fmt(donor.large.p99)} ms | ${n(SMALL)} mentorships ${fmt(donor.small.p99)} ms | ${fmt(donor.p99Ratio, 2)}× | ≤ 1.50× | ${donor.p99Ratio <= 1.5 ? 'met' : 'MISSED'} |`,
);
console.log(rows.join('\n'));
console.log(
  `\n(p50: stack ${fmt(get.stack.p50)} ms, raw ${fmt(get.raw.p50)} ms; ${get.stack.requests} requests each)`,
);
console.log(
  `(lifecycle: 24 months = ${t.noReports.transitions} / ${t.reportsInTime.transitions} transitions at $0.025 per 1,000; the quarter: ${q.transitions} transitions, ${q.mails} mails, ${fmt(q.mentorships / q.advanceSeconds)} mentorships/s; set-up of the chains ${fmt(q.setupSeconds)} s)`,
);
console.log(
  `(donor summary: ${donor.quarters} quarters of aggregates from ${n(donor.records)} stream records of ${n(LARGE)} mentorships and their reports; the first ${n(THROUGH_HANDLER)} mentorships' through the rollup handler at ${fmt(donor.seedRate, 0)} records/s, the rest summed as the rebuild writes)`,
);
process.exit(0);
