/**
 * A trend chart of the donor dashboard: uPlot (small, canvas) in this page's chunk only.
 * The canvas is a picture for sighted readers; the same numbers are in the table that
 * follows each chart, which is what screen readers get (the chart is `aria-hidden`).
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  /** One value per quarter; `null` where withheld (drawn as a gap). */
  values: (number | null)[];
}

// Distinguishable for the common colour-vision deficiencies (Okabe–Ito).
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

/** A line per series over the quarters, sized to its container. */
export function TrendChart({
  quarters,
  series,
  xLabel,
}: {
  quarters: string[];
  series: ChartSeries[];
  /** The legend's name of the quarter axis. */
  xLabel: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(280, el.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 220,
        scales: { x: { time: false } },
        legend: { show: true },
        cursor: { show: false },
        axes: [
          {
            values: (_u, splits) =>
              splits.map((s) => (Number.isInteger(s) ? (quarters[s] ?? '') : '')),
          },
          {},
        ],
        series: [
          { label: xLabel, value: (_u, i) => (i == null ? '' : (quarters[i] ?? '')) },
          ...series.map((s, i) => ({
            label: s.label,
            stroke: COLOURS[i % COLOURS.length]!,
            width: 2,
            dash: DASHES[i % DASHES.length]!,
            spanGaps: false,
            points: { show: true, size: 6 },
          })),
        ],
      },
      [quarters.map((_, i) => i), ...series.map((s) => s.values)],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [quarters, series, xLabel]);
  return <div ref={box} className="donor-chart" aria-hidden="true" />;
}
