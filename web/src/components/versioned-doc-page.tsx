/**
 * The one shell of a versioned document's form (the mentoring plan, the orientation meeting,
 * the closure questions, the asset inventory, the evaluation): loading and load errors, the
 * notices above the form (read only, 409 stale with Reload, a newer version, saved), then
 * the form with its Save button and "unsaved changes" note, read only when not allowed.
 */
import type { ReactNode } from 'react';
import { usePlanT } from '../i18n/en-plan.ts';
import { Form } from './form/index.ts';
import { LoadError, Loading } from './page.tsx';
import { useReadOnlyTexts } from './read-only-texts.ts';
import { DocNotices, type VersionedDoc } from './versioned-doc.tsx';
import './doc-form.css';

export interface VersionedDocPageProps<C, D> {
  /** From `useVersionedDoc`. */
  doc: VersionedDoc<C, D>;
  /** The form's id (prefix of its fields' ids). */
  id: string;
  /** A failed load of something else the page needs (e.g. the mentorship); retried with it. */
  failed?: unknown;
  retry?: () => void;
  /** Shown above the notices once loaded (e.g. an introduction). */
  intro?: ReactNode;
  /** Instead of the usual notices (e.g. "signed, final"). */
  notices?: ReactNode;
  conflictText: string;
  savedText: string;
  /** The Save button's name and its busy status (default: "Save", "Saving…"). */
  saveLabel?: string;
  savingLabel?: string;
  /** Whether "You have unsaved changes" shows under Save (default: yes). */
  unsavedNote?: boolean;
  /** Whether the form shows (default: yes). */
  showForm?: boolean;
  /** The fields. */
  children: ReactNode;
}

/**
 * @example
 * const doc = useVersionedDoc({ query, toDraft, toBody, schema, put, canEdit });
 * <VersionedDocPage doc={doc} id="orientation" conflictText={…} savedText={…}>
 *   <OrientationFields />
 * </VersionedDocPage>
 */
export function VersionedDocPage<C, D>({
  doc,
  id,
  failed,
  retry,
  intro,
  notices,
  conflictText,
  savedText,
  saveLabel,
  savingLabel,
  unsavedNote = true,
  showForm = true,
  children,
}: VersionedDocPageProps<C, D>) {
  const tp = usePlanT();
  const readOnlyTexts = useReadOnlyTexts();
  const loadFailed = failed ? failed : doc.status === 'error' ? doc.loadError : null;
  if (loadFailed) {
    return (
      <LoadError
        error={loadFailed}
        retry={() => {
          retry?.();
          doc.retry();
        }}
      />
    );
  }
  if (doc.status !== 'ready' || !doc.form) return <Loading />;
  return (
    <>
      {intro}
      {notices !== undefined ? (
        notices
      ) : (
        <DocNotices doc={doc} conflictText={conflictText} savedText={savedText} />
      )}
      {showForm ? (
        <Form
          form={doc.form}
          id={id}
          onSubmit={doc.save}
          readOnly={doc.readOnly}
          readOnlyTexts={readOnlyTexts}
          look="document"
          submit={{
            label: saveLabel ?? tp('s2s.form.save'),
            busy: doc.saving,
            busyLabel: savingLabel ?? tp('s2s.form.saving'),
            note: unsavedNote && doc.dirty ? tp('s2s.form.unsaved') : undefined,
          }}
        >
          {children}
        </Form>
      ) : null}
    </>
  );
}
