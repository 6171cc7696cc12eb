/**
 * The server's time, as the SPA's "today". `GET /me` carries `now`; the difference from the
 * browser's clock is kept, so default dates and previews follow the server (a demo whose
 * virtual clock was moved, or a phone whose date is wrong), not the device.
 */
let offsetMs = 0;

/** Takes the server's time (`now` of `GET /me`); a value that is not a time changes nothing. */
export function followServerClock(serverNow: string | undefined): void {
  const at = serverNow ? Date.parse(serverNow) : Number.NaN;
  if (!Number.isNaN(at)) offsetMs = at - Date.now();
}

/** The server's current time, as this browser last learned it. */
export const serverNow = (): Date => new Date(Date.now() + offsetMs);

/** The server's date today, `YYYY-MM-DD` (UTC, as the API's dates are). */
export const today = (): string => serverNow().toISOString().slice(0, 10);
