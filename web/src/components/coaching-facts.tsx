/** Label and value pairs of the coaching screens (a group's or a program's figures). */
import type { ReactNode } from 'react';

/**
 * Label and value pairs, as a description list.
 * @example <Facts rows={[['Sessions held', '3'], ['Last session', '2 May 2026']]} />
 */
export function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
