/**
 * A one-event iCalendar file (RFC 5545), written by hand: an all-day VEVENT is a few lines,
 * and a library would be the largest thing in the domain package.
 */

export interface CalendarEvent {
  /** Stable across re-sends, so a calendar updates the event instead of adding another. */
  uid: string;
  /** The day, `YYYY-MM-DD` (an all-day event). */
  date: string;
  summary: string;
  description?: string;
  url?: string;
  /** When the file is made (`DTSTAMP`). */
  stamp: Date;
}

const CRLF = '\r\n';

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines are escaped. */
export const escapeIcsText = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with a space.
 * Never splits a character, so a multi-byte name stays valid UTF-8.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    // the first line holds 75 octets, continuation lines 74 after their leading space
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const compactDay = (date: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return `${m[1]}${m[2]}${m[3]}`;
};

const dayAfter = (date: string) => {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);
  return next.toISOString().slice(0, 10);
};

const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

/**
 * The `.ics` text of one all-day event, CRLF line ends, ready to attach as `text/calendar`.
 *
 * @example
 * calendarFile({ uid: 'net-m1-p2@sisi', date: '2026-07-15', summary: 'Quarterly report 2 due',
 *   stamp: new Date() });
 * // 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…DTSTART;VALUE=DATE:20260715\r\n…END:VCALENDAR\r\n'
 */
export function calendarFile(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sisi//Mentorship reviews//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART;VALUE=DATE:${compactDay(event.date)}`,
    `DTEND;VALUE=DATE:${compactDay(dayAfter(event.date))}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeIcsText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
