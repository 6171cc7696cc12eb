import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { findRepoRoot } from '@sisi/local';

export const FIRST_PAGE_BUDGET_BYTES = 120 * 1024;

/** The first page's JS in one language: its gzipped bytes, and their share of the budget. */
export interface FirstPage {
  language: string;
  bytes: number;
  budgetRatio: number;
}

/**
 * Gzipped JS the first page loads (entry chunk, its preloads and the main catalog of the
 * reader's language), from the built SPA, per language: `en` and `fr` unless `languages`
 * says otherwise.
 */
export function benchFirstPage(languages = ['en', 'fr']): FirstPage[] {
  const root = findRepoRoot();
  const out = execFileSync(process.execPath, [join(root, 'web/scripts/first-page-size.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  const measured = JSON.parse(out) as { languages: Record<string, number> };
  return languages.map((language) => {
    const bytes = measured.languages[language];
    if (bytes === undefined) throw new Error(`no catalog chunk for ${language} in web/dist`);
    return { language, bytes, budgetRatio: bytes / FIRST_PAGE_BUDGET_BYTES };
  });
}
