import { describe, expect, it } from 'vitest';
import { approachById, approaches } from '../mentorship/approaches.ts';
import { reflectionForm, reflectionScales } from '../monitoring/reflection-form.ts';
import { type ContentCatalog, catalogOf, localizedCopy, overlay } from './content.ts';
import { toolkitModules, toolkitNamespaces } from './toolkit.ts';

const catalogs = Object.fromEntries(
  await Promise.all(
    toolkitNamespaces.map(
      async (ns) =>
        [ns, (await import(`../../locales/en/${ns}.json`)).default as ContentCatalog] as const,
    ),
  ),
);
const english = (namespace: string): ContentCatalog => catalogs[namespace]!;

/** Every `[path, text]` of a catalog. */
function leaves(catalog: ContentCatalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

describe('the toolkit content catalogs', () => {
  it.each(toolkitNamespaces)(
    '%s: the English file is what the modules say (pnpm i18n:extract)',
    (ns) => {
      expect(english(ns)).toEqual(catalogOf(toolkitModules[ns]));
    },
  );

  it('holds the texts and never an id, a code or a reference', () => {
    const all = toolkitNamespaces.flatMap((ns) => leaves(english(ns)));
    expect(all.length).toBeGreaterThan(700);
    const texts = new Set(all.map(([, text]) => text));
    expect(texts).toContain(approaches[0]!.definition);
    expect(texts).toContain(reflectionForm.title);
    for (const approach of approaches) expect(texts).not.toContain(approach.id);
    for (const [path] of all) expect(path).not.toMatch(/(^|\.)(id|source|where|kind)$/);
    // answers are stored by their ids, which stay out of the catalog whatever the language
    const scaleIds = Object.values(reflectionScales).flatMap((s) =>
      'options' in s ? s.options.map((o: { id: string }) => o.id) : [],
    );
    expect(scaleIds.length).toBeGreaterThan(0);
    for (const id of scaleIds) expect(texts).not.toContain(id);
  });

  it('keys an item of a list by its id, so reordering the list keeps its translation', () => {
    const catalog = catalogOf({ approaches });
    const first = approaches[0]!;
    expect(catalog.approaches).toHaveProperty([first.id, 'name'], first.name);
  });
});

describe('localizedCopy', () => {
  const french: ContentCatalog = {
    approachById: { 'on-site': { name: 'Mentorat sur site', whenToUse: { '0': 'Quand …' } } },
  };
  const exports = { approachById, approaches };

  it('puts the catalog’s texts in a copy and leaves the modules in English', () => {
    const copy = localizedCopy(exports, french);
    expect(copy.approachById['on-site'].name).toBe('Mentorat sur site');
    expect(copy.approachById['on-site'].whenToUse[0]).toBe('Quand …');
    expect(copy.approachById['on-site'].whenToUse[1]).toBe(approachById['on-site'].whenToUse[1]);
    expect(approachById['on-site'].name).toBe('On-Site Mentoring');
  });

  it('keeps objects shared between exports shared, so the list reads like its index', () => {
    const copy = localizedCopy(exports, french);
    const inList = copy.approaches.find((a) => a.id === 'on-site');
    expect(inList).toBe(copy.approachById['on-site']);
    expect(inList?.id).toBe('on-site');
    expect(inList?.scenarios).toEqual(approachById['on-site'].scenarios);
  });
});

describe('overlay', () => {
  it('writes a language into the modules and the English catalog writes it back', () => {
    const content = {
      steps: [
        { id: 'a', label: 'Lead' },
        { id: 'b', label: 'Assist' },
      ],
    };
    const en = catalogOf(content);
    overlay(content, { steps: { a: { label: 'Diriger' } } });
    expect(content.steps.map((s) => s.label)).toEqual(['Diriger', 'Assist']);
    expect(content.steps[0]!.id).toBe('a');
    overlay(content, en);
    expect(content.steps.map((s) => s.label)).toEqual(['Lead', 'Assist']);
  });
});
