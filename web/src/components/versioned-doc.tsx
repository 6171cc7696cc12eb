/**
 * A document saved whole with optimistic locking (the mentoring plan, the orientation
 * meeting, the asset inventory): `GET` gives `{version, content, updatedAt, updatedBy}` or
 * `null` (none yet), `PUT` sends the fields and the version read. A stale version is a 409:
 * nothing was written, and the user's draft is never dropped silently: after a reload it is
 * kept aside until they put it back or discard it.
 */
import {
  type QueryKey,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiProblem } from '../api/client.ts';
import { meQuery, type StoredDoc } from '../api/queries.ts';
import { type PlanTranslate, usePlanT } from '../i18n/en-plan.ts';
import { i18n, useT } from '../i18n/index.ts';
import {
  type Draft,
  type DraftSync,
  type FormErrors,
  type FormModel,
  fieldErrorsOf,
  noErrors,
  problemMessage,
  type SafeParser,
  schemaProblems,
  useDraftSync,
} from './form/index.ts';
import { BusyButton } from './load-more.tsx';
import { ErrorNotice, InfoNotice, StatusMessage } from './page.tsx';

interface Options<C, D, B extends object, K extends QueryKey> {
  query: UseQueryOptions<StoredDoc<C> | null, Error, StoredDoc<C> | null, K>;
  /** Wait for what `toDraft` needs (e.g. the mentorship, to prefill a new plan). */
  ready?: boolean;
  toDraft: (content: C | undefined) => D;
  /** The fields to send, without `version`. */
  toBody: (draft: D) => B;
  schema: SafeParser;
  put: (body: B & { version?: number }) => Promise<StoredDoc<C>>;
  /** Whether the user may save (else the form is read only). */
  canEdit: boolean;
  /** Keep unsaved changes on this device (put back on the next visit, dropped once saved). */
  draft?: Draft<D> | undefined;
}

type Conflict<D> = { phase: 'stale'; mine: D } | { phase: 'reloaded'; mine: D };

export interface VersionedDoc<C, D> {
  status: 'loading' | 'error' | 'ready';
  loadError: unknown;
  retry: () => void;
  base: StoredDoc<C> | null;
  draft: D | undefined;
  setDraft: (update: (draft: D) => D) => void;
  /** The state for `<Form>`, once the document is loaded. */
  form: FormModel<D> | undefined;
  /** The draft kept on this device, if any. */
  localDraft: DraftSync;
  errors: FormErrors;
  readOnly: boolean;
  forbidden: boolean;
  saving: boolean;
  savedMessage: string | undefined;
  dirty: boolean;
  conflict: Conflict<D> | null;
  /** A version newer than the one being edited exists (seen on a background refetch). */
  newerVersion: number | undefined;
  reloading: boolean;
  save: () => void;
  reload: () => Promise<void>;
  restoreMine: () => void;
  discardMine: () => void;
}

export function useVersionedDoc<C, D, B extends object, K extends QueryKey>(
  options: Options<C, D, B, K>,
): VersionedDoc<C, D> {
  const { query, ready = true, toDraft, toBody, schema, put, canEdit, draft: local } = options;
  const t = useT();
  const tp = usePlanT();
  const queryClient = useQueryClient();
  const doc = useQuery(query);
  // the version being edited, pinned: a background refetch never swaps the form
  const [base, setBase] = useState<{ doc: StoredDoc<C> | null } | undefined>();
  const [draft, setDraftState] = useState<D>();
  const [savedBody, setSavedBody] = useState<string>('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [conflict, setConflict] = useState<Conflict<D> | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const [savedMessage, setSavedMessage] = useState<string>();
  const [reloading, setReloading] = useState(false);
  const submitted = useRef<D | undefined>(undefined);

  const adopt = useCallback(
    (stored: StoredDoc<C> | null) => {
      const next = toDraft(stored?.content);
      setBase({ doc: stored });
      setDraftState(next);
      setSavedBody(JSON.stringify(toBody(next)));
    },
    [toDraft, toBody],
  );

  if (!base && ready && doc.isSuccess && !doc.isFetching) {
    // during render: the form appears with its content, never empty first
    const stored = doc.data ?? null;
    const next = toDraft(stored?.content);
    setBase({ doc: stored });
    setDraftState(next);
    setSavedBody(JSON.stringify(toBody(next)));
  }

  const setDraft = useCallback((update: (d: D) => D) => {
    setDraftState((d) => (d === undefined ? d : update(d)));
    setSavedMessage(undefined);
  }, []);

  const dirty = useMemo(
    () => draft !== undefined && JSON.stringify(toBody(draft)) !== savedBody,
    [draft, savedBody, toBody],
  );
  const localDraft = useDraftSync(local, draft, dirty, (mine) => setDraftState(mine));
  const form = useMemo(
    () => (draft === undefined ? undefined : { value: draft, update: setDraft, errors }),
    [draft, setDraft, errors],
  );

  // leaving the page with unsaved changes asks first: closing or reloading the tab, and
  // following a link inside the app (caught before the router's own click handler)
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank') return;
      if (link.origin !== window.location.origin || link.hash) return;
      if (link.pathname === window.location.pathname) return;
      if (!window.confirm(tp('s2s.form.leaveConfirm'))) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', warn);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', warn);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, tp]);

  const mutation = useMutation({
    mutationFn: put,
    onSuccess: (stored) => {
      queryClient.setQueryData<StoredDoc<C> | null>(query.queryKey as QueryKey, stored);
      adopt(stored);
      setErrors(noErrors);
      setConflict(null);
      setSavedMessage('saved');
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) {
        setConflict({ phase: 'stale', mine: submitted.current as D });
        setErrors(noErrors);
      } else if (error instanceof ApiProblem && error.status === 403) {
        setForbidden(true);
        setErrors(noErrors);
      } else if (error instanceof ApiProblem && error.errors.length > 0) {
        setErrors({ fields: fieldErrorsOf(error.errors, submitted.current) });
      } else {
        setErrors({ message: problemMessage(error, t), fields: {} });
      }
    },
  });

  const readOnly = !canEdit || forbidden;
  const version = base?.doc?.version ?? 0;

  const save = () => {
    if (mutation.isPending || draft === undefined || readOnly) return;
    const body = toBody(draft);
    const problems = schemaProblems(schema, body, t('errors.isRequired'));
    if (problems.length) {
      setErrors({ fields: fieldErrorsOf(problems, draft) });
      return;
    }
    submitted.current = draft;
    setErrors(noErrors);
    setSavedMessage(undefined);
    mutation.mutate(version > 0 ? { ...body, version } : body);
  };

  const reload = async () => {
    if (reloading) return;
    setReloading(true);
    try {
      const stored = await queryClient.fetchQuery({ ...query, staleTime: 0 });
      const mine = conflict?.mine ?? (dirty ? draft : undefined);
      adopt(stored ?? null);
      setErrors(noErrors);
      setConflict(mine !== undefined ? { phase: 'reloaded', mine } : null);
    } catch (error) {
      setErrors({ message: problemMessage(error, t), fields: {} });
    } finally {
      setReloading(false);
    }
  };

  const restoreMine = () => {
    if (conflict) setDraftState(conflict.mine);
    setConflict(null);
  };
  const discardMine = () => setConflict(null);

  const latest = doc.data?.version;
  const newerVersion = latest !== undefined && latest > version && !conflict ? latest : undefined;

  return {
    status: base ? 'ready' : doc.isError ? 'error' : 'loading',
    loadError: doc.error,
    retry: () => void doc.refetch(),
    base: base?.doc ?? null,
    draft,
    setDraft,
    form,
    localDraft,
    errors,
    readOnly,
    forbidden,
    saving: mutation.isPending,
    savedMessage,
    dirty,
    conflict,
    newerVersion,
    reloading,
    save,
    reload,
    restoreMine,
    discardMine,
  };
}

/** An ISO instant as date and time, in the reader's words and time zone. */
function formatInstant(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(
    date,
  );
}

/**
 * What a versioned form says above itself: read only, forbidden, conflict (with Reload,
 * then "Put my changes back" / "Discard my changes"), a newer version, saved.
 */
export function DocNotices<C, D>({
  doc,
  conflictText,
  savedText,
}: {
  doc: VersionedDoc<C, D>;
  conflictText: string;
  savedText: string;
}) {
  const tp = usePlanT();
  // `updatedBy` is a person's id, as in `/me`: "by you" is all it can say
  const meId = useQuery(meQuery()).data?.id;
  return (
    <>
      {doc.forbidden ? (
        <ErrorNotice message={tp('s2s.form.forbidden')} />
      ) : doc.readOnly ? (
        <InfoNotice>{tp('s2s.form.readOnly')}</InfoNotice>
      ) : null}
      {doc.conflict?.phase === 'stale' ? (
        <div className="notice warning" role="alert">
          <p>{conflictText}</p>
          <ReloadButton doc={doc} tp={tp} />
        </div>
      ) : null}
      {doc.conflict?.phase === 'reloaded' ? (
        <div className="notice warning" role="alert">
          <p>{tp('s2s.form.reloaded')}</p>
          <div className="actions">
            <button type="button" onClick={doc.restoreMine}>
              {tp('s2s.form.restoreMine')}
            </button>
            <button type="button" onClick={doc.discardMine}>
              {tp('s2s.form.discardMine')}
            </button>
          </div>
        </div>
      ) : null}
      {doc.newerVersion && !doc.readOnly ? (
        <div className="notice warning" role="alert">
          <p>{tp('s2s.form.newerVersion', { version: doc.newerVersion })}</p>
          <ReloadButton doc={doc} tp={tp} />
        </div>
      ) : null}
      <StatusMessage message={doc.savedMessage ? savedText : undefined} />
      <p className="hint">
        {doc.base
          ? tp(
              doc.base.updatedBy && doc.base.updatedBy === meId
                ? 's2s.form.lastSavedByYou'
                : 's2s.form.lastSaved',
              { date: formatInstant(doc.base.updatedAt), version: doc.base.version },
            )
          : tp('s2s.form.notSavedYet')}
      </p>
    </>
  );
}

function ReloadButton<C, D>({ doc, tp }: { doc: VersionedDoc<C, D>; tp: PlanTranslate }) {
  return (
    <BusyButton
      label={tp('s2s.form.reload')}
      busy={doc.reloading}
      busyLabel={tp('s2s.form.reloading')}
      onClick={() => void doc.reload()}
    />
  );
}
