import { describe, expect, it } from 'vitest';
import sameAsEnglish from '../../locales/same-as-english.json' with { type: 'json' };
import { catalogProblems } from './completeness.ts';
import { toolkitNamespaces } from './toolkit.ts';
import { toolkitCatalogs } from './toolkit-catalogs.ts';

const same = (lng: 'fr' | 'es' | 'pt', ns: string) =>
  new Set(
    sameAsEnglish[lng]
      .filter((entry) => entry.startsWith(`${ns}:`))
      .map((entry) => entry.slice(ns.length + 1)),
  );

describe('the toolkit content in every language', () => {
  for (const lng of ['fr', 'es', 'pt'] as const) {
    it.each(toolkitNamespaces)(`${lng}: %s has every text of the English, translated`, (ns) => {
      expect(
        catalogProblems(toolkitCatalogs.en[ns], toolkitCatalogs[lng][ns], lng, same(lng, ns)),
      ).toEqual([]);
    });
  }
});
