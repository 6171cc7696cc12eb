/**
 * Drafts: a form's unsent value kept aside (on this device) so that it survives a reload or
 * a lost connection. A form given a `Draft` loads it on mount, saves it as the user types
 * (debounced) and clears it once the submit succeeded. Without one, nothing is kept.
 */
import { useEffect, useRef, useState } from 'react';

/** Where one form's draft lives. `load` may be asynchronous (e.g. IndexedDB). */
export interface Draft<V> {
  load(): V | undefined | Promise<V | undefined>;
  save(value: V): void | Promise<void>;
  clear(): void | Promise<void>;
}

/** A key-value store of strings (the shape of `localStorage`), the port drafts are kept in. */
export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A store in memory (tests, or where the browser offers no storage). */
export function memoryDraftStore(): DraftStore {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/**
 * The draft under `key` in a store, as JSON. A value that does not parse (or that `accept`
 * rejects, e.g. from an older version of the form) is dropped rather than shown.
 * @example
 * const form = useForm({ initial, draft: storedDraft(`org-new:${networkId}`, localStorage) });
 */
export function storedDraft<V>(
  key: string,
  store: DraftStore,
  accept: (value: unknown) => value is V = (value): value is V => value !== undefined,
): Draft<V> {
  return {
    load() {
      const raw = store.getItem(key);
      if (raw === null) return undefined;
      try {
        const value: unknown = JSON.parse(raw);
        return accept(value) ? value : undefined;
      } catch {
        return undefined;
      }
    },
    save: (value) => store.setItem(key, JSON.stringify(value)),
    clear: () => store.removeItem(key),
  };
}

/** How long typing must pause before the draft is saved. */
export const DRAFT_DELAY_MS = 500;

export interface DraftSync {
  /** A saved draft was put into the form on mount. */
  restored: boolean;
  /** Drop the saved draft (after a successful submit, or when the user discards it). */
  clear: () => void;
}

/**
 * Keeps `value` in `draft`: loads it once there is a value to replace (handing it to
 * `restore`), then saves the value after `delay` ms without changes while it is `dirty`
 * (differs from what was loaded or saved to the server), at once when the form goes away,
 * and drops the draft when the value is clean again. No draft, no effect.
 */
export function useDraftSync<V>(
  draft: Draft<V> | undefined,
  value: V | undefined,
  dirty: boolean,
  restore: (value: V) => void,
  delay = DRAFT_DELAY_MS,
): DraftSync {
  const [restored, setRestored] = useState(false);
  const loaded = useRef(false);
  // whether the store holds a draft of this form
  const stored = useRef(false);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; value: V } | undefined>(undefined);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const restoreRef = useRef(restore);
  restoreRef.current = restore;

  const ready = value !== undefined;
  useEffect(() => {
    if (!draft || !ready || loaded.current) return;
    let live = true;
    void Promise.resolve(draft.load()).then((saved) => {
      if (!live) return;
      loaded.current = true;
      if (saved !== undefined) {
        stored.current = true;
        restoreRef.current(saved);
        setRestored(true);
      }
    });
    return () => {
      live = false;
    };
  }, [draft, ready]);

  useEffect(() => {
    if (!draft || value === undefined || !loaded.current) return;
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = undefined;
    if (!dirty) {
      if (stored.current) void draft.clear();
      stored.current = false;
      return;
    }
    const timer = setTimeout(() => {
      pending.current = undefined;
      stored.current = true;
      void draft.save(value);
    }, delay);
    pending.current = { timer, value };
  }, [draft, value, dirty, delay]);

  // leaving the form keeps what was typed last
  useEffect(
    () => () => {
      const last = pending.current;
      if (!last) return;
      clearTimeout(last.timer);
      pending.current = undefined;
      void draftRef.current?.save(last.value);
    },
    [],
  );

  const clear = () => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = undefined;
    stored.current = false;
    setRestored(false);
    void draftRef.current?.clear();
  };
  return { restored, clear };
}
