import { describe, expect, it } from 'vitest';
import { memoryDraftStore, storedDraft } from './draft.ts';

describe('drafts', () => {
  it('keeps a value under its key as JSON, until cleared', async () => {
    const store = memoryDraftStore();
    const draft = storedDraft<{ name: string }>('org-new', store);
    expect(await draft.load()).toBeUndefined();
    await draft.save({ name: 'Ubuntu' });
    expect(store.getItem('org-new')).toBe('{"name":"Ubuntu"}');
    expect(await draft.load()).toEqual({ name: 'Ubuntu' });
    expect(await storedDraft('other', store).load()).toBeUndefined();
    await draft.clear();
    expect(await draft.load()).toBeUndefined();
  });

  it('drops what does not parse or is not accepted', async () => {
    const store = memoryDraftStore();
    store.setItem('broken', '{not json');
    expect(await storedDraft('broken', store).load()).toBeUndefined();
    store.setItem('old', '{"version":1}');
    const isV2 = (v: unknown): v is { version: 2 } =>
      typeof v === 'object' && v !== null && (v as { version?: unknown }).version === 2;
    expect(await storedDraft('old', store, isV2).load()).toBeUndefined();
    store.setItem('new', '{"version":2}');
    expect(await storedDraft('new', store, isV2).load()).toEqual({ version: 2 });
  });
});
