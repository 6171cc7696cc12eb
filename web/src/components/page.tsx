import { type ReactNode, useEffect, useRef } from 'react';
import { ApiProblem } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import { problemMessage } from './form/errors.ts';

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

/** What a failed load needs of a query. */
interface Refetchable {
  error: unknown;
  refetch: () => Promise<unknown>;
}

/**
 * The first failure among a page's queries, with one retry that loads them all again.
 *
 * @example
 * if (people.isError || milestones.isError) body = <LoadErrors queries={[people, milestones]} />;
 */
export function LoadErrors({ queries }: { queries: readonly Refetchable[] }) {
  return (
    <LoadError
      error={queries.reduce<unknown>((first, q) => first ?? q.error, null)}
      retry={() => {
        for (const q of queries) void q.refetch();
      }}
    />
  );
}

/** An action's failure as an alert; nothing while there is none. */
export function ErrorNotice({ message }: { message?: string | undefined }) {
  return message ? (
    <div className="notice error" role="alert">
      <p>{message}</p>
    </div>
  ) : null;
}

/** A short notice that says why something is not here, or not for the reader. */
export function InfoNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice info">
      <p>{children}</p>
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
