import { type ReactNode, useEffect, useRef } from 'react';
import { ApiProblem } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import { problemMessage } from './form/index.ts';

let initialLocation: string | undefined;
let navigated = false;

/**
 * Called by the shell on each render with the current path: once it differs from the
 * first one, the visitor has navigated inside the app.
 */
export function noteLocation(location: string): void {
  initialLocation ??= location;
  if (location !== initialLocation) navigated = true;
}

/**
 * A screen: sets the document title and renders its one `h1`. After a client-side
 * navigation the heading takes focus, so screen readers announce the new page and
 * keyboard users start from the top (on the first load, focus stays where it is).
 */
export function Page({
  title,
  heading = title,
  children,
}: {
  title: string;
  heading?: string;
  children: ReactNode;
}) {
  const t = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.titleSuffix')}`;
  }, [title, t]);
  useEffect(() => {
    if (navigated) ref.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={ref} tabIndex={-1}>
        {heading}
      </h1>
      {children}
    </>
  );
}

/** A polite "Loading…" for a page or section. */
export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** A failed load, with a retry when it may help. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const t = useT();
  const final = error instanceof ApiProblem && [403, 404].includes(error.status);
  return (
    <div className="notice error" role="alert">
      <p>{problemMessage(error, t)}</p>
      {retry && !final ? (
        <button type="button" onClick={retry}>
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * A success message that screen readers announce: the live region is always there, so
 * the message appearing in it is read out.
 */
export function StatusMessage({ message }: { message?: string | undefined }) {
  return (
    <div role="status" className="status-region">
      {message ? <p className="notice success">{message}</p> : null}
    </div>
  );
}
