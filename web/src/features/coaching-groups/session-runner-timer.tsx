/**
 * The turn's clock: a countdown kept across reloads in this tab. Its ticking value is not
 * announced (`aria-live="off"`); a polite status says 5 minutes left, 1 minute left and time up.
 */
import { MAX_TURN_MINUTES, MIN_TURN_MINUTES } from '@sisi/domain/static';
import { useEffect, useRef, useState } from 'react';
import { useCoachingT } from '../../i18n/en-coaching.ts';

const clockKey = (issueId: string) => `sisi.turn.${issueId}`;

/** Remembers when a turn began in this tab, so a reload keeps counting from there. */
export function startClock(issueId: string): void {
  try {
    sessionStorage.setItem(clockKey(issueId), String(Date.now()));
  } catch {
    // storage off: the clock starts when the turn is shown
  }
}

function clockStart(issueId: string): number {
  try {
    const stored = Number(sessionStorage.getItem(clockKey(issueId)));
    if (stored > 0) return stored;
  } catch {
    // storage off
  }
  startClock(issueId);
  return Date.now();
}

/** What the timer announces, nearest first, and how much time is left then. */
const MILESTONES = [
  ['up', 0],
  ['oneLeft', 60_000],
  ['fiveLeft', 5 * 60_000],
] as const;

const mmss = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The visible countdown of a turn. The value ticks every second but is never announced;
 * the polite status says "5 minutes left", "1 minute left" and "time is up", once each.
 */
export function TurnTimer({
  issueId,
  minutes,
  owner,
  onMinutes,
}: {
  issueId: string;
  minutes: number;
  owner: string;
  onMinutes: (minutes: number) => void;
}) {
  const tc = useCoachingT();
  const [startedAt] = useState(() => clockStart(issueId));
  const [now, setNow] = useState(() => Date.now());
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const [pausedFor, setPausedFor] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const announced = useRef(new Set<string>());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = (pausedAt ?? now) - startedAt - pausedFor;
  const left = Math.max(0, minutes * 60_000 - elapsed);
  useEffect(() => {
    // the nearest milestone reached, if the turn was longer than it; each is said once
    const total = minutes * 60_000;
    const reached = MILESTONES.find(([, at]) => left <= at && total > at);
    if (!reached || announced.current.has(reached[0])) return;
    for (const [id, at] of MILESTONES) if (at >= reached[1]) announced.current.add(id);
    setAnnouncement(tc(`coachingGroups.timer.${reached[0]}`, { name: owner }));
  }, [left, minutes, owner, tc]);
  const paused = pausedAt !== null;
  return (
    <div className={left === 0 ? 'turn-timer up' : 'turn-timer'}>
      <div
        role="timer"
        aria-live="off"
        aria-label={tc('coachingGroups.timer.label', { name: owner })}
        className="timer-value"
      >
        {mmss(left)}
      </div>
      <p className="hint">
        {tc('coachingGroups.timer.of', { minutes })}
        {paused ? ` · ${tc('coachingGroups.timer.paused')}` : ''}
      </p>
      <div className="actions timer-actions">
        <button
          type="button"
          onClick={() => {
            if (paused) {
              setPausedFor((p) => p + Date.now() - pausedAt);
              setPausedAt(null);
            } else {
              setPausedAt(Date.now());
            }
          }}
        >
          {paused ? tc('coachingGroups.timer.resume') : tc('coachingGroups.timer.pause')}
        </button>
        <button
          type="button"
          onClick={() => {
            announced.current.clear();
            onMinutes(Math.min(MAX_TURN_MINUTES, minutes + 5));
          }}
        >
          {tc('coachingGroups.timer.more')}
        </button>
        <button type="button" onClick={() => onMinutes(Math.max(MIN_TURN_MINUTES, minutes - 5))}>
          {tc('coachingGroups.timer.less')}
        </button>
      </div>
      <div role="status" className="visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
