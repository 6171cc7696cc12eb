/**
 * The donor dashboard (`/summary`): what the funded networks do, per network and in total,
 * with trends per quarter as charts and tables, a CSV download and a print view. Donors
 * land here; the operator sees the same for every network. Every number comes from the API
 * already suppressed: a withheld cell says "withheld", never 0.
 */
import type { DonorCell, DonorGroupCells, DonorGroupsView, DonorSummary } from '@sisi/domain';
import { approachById } from '@sisi/domain/static';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearch } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { donorLabel, useDonorT } from '../../i18n/en-donor.ts';
import { i18n } from '../../i18n/index.ts';
import { type ChartSeries, TrendChart } from './donor-chart.tsx';
import { donorSummaryQuery, donorTrendsQuery } from './donor-queries.ts';
import './donor-summary.css';

const humanize = (id: string) => {
  const words = id.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
};
const groupLabel = (g: string) => donorLabel(`donorView.groups.${g}`, humanize(g));
const tableLabel = (t: string) => donorLabel(`donorView.tables.${t}`, humanize(t));
function valueLabel(table: string, value: string): string {
  if (table === 'keyPopulation') return donorLabel(`keyPopulations.${value}`, humanize(value));
  if (table === 'technicalArea') return donorLabel(`technicalAreas.${value}`, humanize(value));
  if (table === 'approach') {
    return (
      (approachById as Record<string, { name: string } | undefined>)[value]?.name ?? humanize(value)
    );
  }
  return donorLabel(`donorView.values.${value}`, humanize(value));
}

const numbers = () => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
const cellText = (cell: DonorCell | undefined, withheld: string) =>
  !cell ? '' : 'withheld' in cell ? withheld : numbers().format(cell.value);
const cellNumber = (cell: DonorCell | undefined) => (cell && 'value' in cell ? cell.value : null);

function Cell({ cell }: { cell: DonorCell | undefined }) {
  const t = useDonorT();
  if (cell && 'withheld' in cell) {
    return (
      <td className="withheld">
        <span title={t('donorView.withheldLong')}>{t('donorView.withheld')}</span>
      </td>
    );
  }
  return <td className="num">{cellText(cell, '')}</td>;
}

/** Rows of a group: its total, (hours) the reports behind them, then each breakdown's values. */
function groupRows(
  group: string,
  cells: DonorGroupCells | undefined,
  t: ReturnType<typeof useDonorT>,
) {
  const rows: {
    key: string;
    label: string;
    pick: (g: DonorGroupCells | undefined) => DonorCell | undefined;
  }[] = [{ key: 'total', label: t('donorView.total'), pick: (g) => g?.total }];
  if (cells?.count) {
    const label = group === 'interactionHours' ? t('donorView.count') : t('donorView.countAnswers');
    rows.push({ key: 'count', label, pick: (g) => g?.count });
  }
  for (const [table, values] of Object.entries(cells?.tables ?? {})) {
    for (const value of Object.keys(values)) {
      rows.push({
        key: `${table}:${value}`,
        label: `${tableLabel(table)}: ${valueLabel(table, value)}`,
        pick: (g) => g?.tables[table]?.[value],
      });
    }
  }
  return rows;
}

/** A table that may be wider than the screen: scrolls on its own, reachable by keyboard. */
function Wide({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

const csvCell = (v: string | number) => {
  const s = String(v);
  const guarded = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
};

/**
 * The dashboard as CSV: stable column ids in the header; each code (group, breakdown, value)
 * keeps its column and has the dashboard's words for it, in the reader's language, in a
 * `<column>_label` column right after it.
 */
function toCsv(
  summary: DonorSummary,
  trends: { quarter: string; groups: DonorGroupsView }[],
  scope: string,
  t: ReturnType<typeof useDonorT>,
) {
  const lines = [
    [
      'network',
      'quarter',
      'group',
      'group_label',
      'breakdown',
      'breakdown_label',
      'value',
      'value_label',
      'cell',
    ].join(','),
  ];
  const push = (network: string, quarter: string, groups: DonorGroupsView) => {
    for (const [g, cells] of Object.entries(groups)) {
      const add = (breakdown: string, value: string, cell: DonorCell | undefined) => {
        const shown = !cell ? '' : 'withheld' in cell ? 'withheld' : cell.value;
        const words = breakdown
          ? valueLabel(breakdown, value)
          : value === 'total'
            ? t('donorView.total')
            : g === 'interactionHours'
              ? t('donorView.count')
              : t('donorView.countAnswers');
        const row = [network, quarter, g, groupLabel(g), breakdown, '', value, words, shown];
        if (breakdown) row[5] = tableLabel(breakdown);
        lines.push(row.map(csvCell).join(','));
      };
      add('', 'total', cells.total);
      if (cells.count) add('', 'count', cells.count);
      for (const [table, values] of Object.entries(cells.tables)) {
        for (const [v, cell] of Object.entries(values)) add(table, v, cell);
      }
    }
  };
  for (const n of summary.networks) push(n.name, 'all', n.groups);
  push(t('donorView.allNetworks'), 'all', summary.total.groups);
  for (const q of trends) push(scope, q.quarter, q.groups);
  return `${lines.join('\r\n')}\r\n`;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DonorSummaryPage() {
  const t = useDonorT();
  const search = useSearch();
  const networkId = new URLSearchParams(search).get('network') ?? undefined;
  const summary = useQuery(donorSummaryQuery());
  const trends = useQuery(donorTrendsQuery(networkId));
  return (
    <Page title={t('donorView.title')}>
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <LoadError error={summary.error} retry={() => void summary.refetch()} />
      ) : (
        <Dashboard
          summary={summary.data}
          networkId={networkId}
          trends={trends.data?.quarters}
          trendsState={
            trends.isError ? (
              <LoadError error={trends.error} retry={() => void trends.refetch()} />
            ) : trends.isPending ? (
              <Loading />
            ) : null
          }
        />
      )}
    </Page>
  );
}

function Dashboard({
  summary,
  networkId,
  trends,
  trendsState,
}: {
  summary: DonorSummary;
  networkId: string | undefined;
  trends: { quarter: string; groups: DonorGroupsView }[] | undefined;
  trendsState: React.ReactNode;
}) {
  const t = useDonorT();
  const [selectId] = useState(() => `trend-network-${Math.random().toString(36).slice(2)}`);
  const scopeName =
    summary.networks.find((n) => n.networkId === networkId)?.name ?? t('donorView.allNetworks');
  const groups = Object.keys(summary.total.groups);
  return (
    <>
      <p>{t('donorView.intro')}</p>
      <p className="hint">{t('donorView.threshold', { threshold: summary.threshold })}</p>
      <p>
        {summary.through
          ? t('donorView.through', { quarter: summary.through })
          : t('donorView.nothingYet')}
      </p>
      <div className="donor-actions no-print">
        <button
          type="button"
          onClick={() =>
            download(
              `sisi-summary-${summary.through ?? 'empty'}.csv`,
              toCsv(summary, trends ?? [], scopeName, t),
            )
          }
        >
          {t('donorView.exportCsv')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('donorView.print')}
        </button>
      </div>

      <section aria-labelledby="donor-trends">
        <h2 id="donor-trends">{t('donorView.trendsHeading')}</h2>
        {summary.networks.length > 1 ? (
          <p className="field no-print">
            <label htmlFor={selectId}>{t('donorView.trendsFor')}</label>
            <select
              id={selectId}
              value={networkId ?? ''}
              onChange={(e) =>
                navigate(
                  e.target.value
                    ? `/summary?network=${encodeURIComponent(e.target.value)}`
                    : '/summary',
                  {
                    replace: true,
                  },
                )
              }
            >
              <option value="">{t('donorView.allNetworks')}</option>
              {summary.networks.map((n) => (
                <option key={n.networkId} value={n.networkId}>
                  {n.name}
                </option>
              ))}
            </select>
          </p>
        ) : null}
        {trendsState}
        {trends && trends.length > 0 ? (
          <Trends quarters={trends} groups={groups} scope={scopeName} />
        ) : null}
      </section>

      <section aria-labelledby="donor-networks">
        <h2 id="donor-networks">{t('donorView.breakdownHeading')}</h2>
        {groups.map((g) => (
          <GroupTable key={g} group={g} summary={summary} />
        ))}
        <h3>{t('donorView.namedOrganizations')}</h3>
        <dl className="named-organizations">
          {summary.networks.map((n) => (
            <div key={n.networkId}>
              <dt>{n.name}</dt>
              <dd>
                {n.organizationNames.length
                  ? n.organizationNames.join(', ')
                  : t('donorView.noneNamed')}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

/** Per group: a chart of its total and breakdowns over the quarters; then one table of all. */
function Trends({
  quarters,
  groups,
  scope,
}: {
  quarters: { quarter: string; groups: DonorGroupsView }[];
  groups: string[];
  scope: string;
}) {
  const t = useDonorT();
  const labels = useMemo(() => quarters.map((q) => q.quarter), [quarters]);
  const charts = useMemo(
    () =>
      groups
        .map((g) => {
          const first = quarters[0]?.groups[g];
          const series: ChartSeries[] = [
            {
              label: t('donorView.total'),
              values: quarters.map((q) => cellNumber(q.groups[g]?.total)),
            },
          ];
          // an additive breakdown of few values reads well as lines (compliance, stage)
          const status = first?.tables.status ?? first?.tables.kind;
          const table = first?.tables.status ? 'status' : first?.tables.kind ? 'kind' : undefined;
          if (status && table) {
            for (const v of Object.keys(status)) {
              series.push({
                label: valueLabel(table, v),
                values: quarters.map((q) => cellNumber(q.groups[g]?.tables[table]?.[v])),
              });
            }
          }
          return { group: g, series };
        })
        // a chart with nothing to draw says less than the table under it
        .filter(({ series }) => series.some((x) => x.values.some((v) => v !== null && v > 0))),
    [groups, quarters, t],
  );
  return (
    <>
      <p className="hint">{t('donorView.chartGap')}</p>
      <div className="donor-charts">
        {charts.map(({ group, series }) => (
          <figure key={group} className="donor-figure">
            <figcaption>
              <strong>{groupLabel(group)}</strong>{' '}
              <span className="hint">
                {t('donorView.chartCaption', { group: groupLabel(group) })}
              </span>
            </figcaption>
            <TrendChart quarters={labels} series={series} xLabel={t('donorView.quarter')} />
          </figure>
        ))}
      </div>
      <Wide label={t('donorView.quartersTable', { network: scope })}>
        <table className="donor-table">
          <caption>{t('donorView.quartersTable', { network: scope })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('donorView.quarter')}</th>
              {groups.map((g) => (
                <th key={g} scope="col">
                  {groupLabel(g)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {quarters.map((q) => (
              <tr key={q.quarter}>
                <th scope="row">{q.quarter}</th>
                {groups.map((g) => (
                  <Cell key={g} cell={q.groups[g]?.total} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Wide>
    </>
  );
}

/** One group, every quarter added up: a row per breakdown value, a column per network. */
function GroupTable({ group, summary }: { group: string; summary: DonorSummary }) {
  const t = useDonorT();
  const rows = groupRows(group, summary.total.groups[group], t);
  const caption = groupLabel(group);
  return (
    <Wide label={caption}>
      <table className="donor-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('donorView.breakdown')}</th>
            {summary.networks.map((n) => (
              <th key={n.networkId} scope="col">
                {n.name}
              </th>
            ))}
            {summary.networks.length > 1 ? <th scope="col">{t('donorView.allNetworks')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {summary.networks.map((n) => (
                <Cell key={n.networkId} cell={r.pick(n.groups[group])} />
              ))}
              {summary.networks.length > 1 ? (
                <Cell cell={r.pick(summary.total.groups[group])} />
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </Wide>
  );
}
