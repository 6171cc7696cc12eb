import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detailCatalogs, isDetailKey } from '@sisi/domain';
import { findRepoRoot } from '@sisi/local';
import { describe, expect, it } from 'vitest';

/**
 * Every problem detail the API throws is a key of the details catalogs, in every language
 * (ADR 0040): the keys the API's and the storage's sources name, found by their prefixes,
 * and no throw of a 401, 403, 409, 410 or 422 left with English words of its own.
 */
const root = findRepoRoot();
/** The API, and the storage whose conflicts name their words (`Conflict.key`). */
const DIRS = ['functions/api/src', 'packages/data/src'].map((dir) => join(root, dir));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const code = DIRS.flatMap(sources).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const KEY = /['"]((?:unauthorized|forbidden|conflict|gone|rule)_[a-z_]+)['"]/g;
const used = [...new Set(code.flatMap(({ text }) => [...text.matchAll(KEY)].map((m) => m[1]!)))];

const has = (catalog: Record<string, string>, key: string) =>
  catalog[key] !== undefined || catalog[`${key}_other`] !== undefined;

describe('the problem details the API throws', () => {
  it('are found in its source (the scan works)', () => {
    expect(used.length).toBeGreaterThan(80);
    expect(used).toContain('forbidden_audit_trail');
    expect(used).toContain('rule_coach_full');
  });

  it.each(Object.keys(detailCatalogs))('each have words in %s', (lng) => {
    const catalog = detailCatalogs[lng as keyof typeof detailCatalogs];
    expect(used.filter((key) => !has(catalog, key))).toEqual([]);
    expect(used.filter((key) => !isDetailKey(key))).toEqual([]);
  });

  it('are thrown by key, never as English words', () => {
    const THROW =
      /new (?:UnauthorizedError|ForbiddenError|ConflictProblem|GoneError|DomainRuleError)\(\s*([`'"])/g;
    const worded = code.flatMap(({ path, text }) =>
      [...text.matchAll(THROW)]
        .map((m) => text.slice(m.index, m.index + 90))
        .filter(
          (s) => !/\(\s*['"](?:unauthorized|forbidden|conflict|gone|rule)_[a-z_]+['"]/.test(s),
        )
        .map((s) => `${path.slice(root.length + 1)}: ${s}`),
    );
    expect(worded).toEqual([]);
  });

  it('leave no key of the catalog unused', () => {
    const english = Object.keys(detailCatalogs.en).map((k) => k.replace(/_(one|other)$/, ''));
    expect([...new Set(english)].filter((key) => !used.includes(key))).toEqual([]);
  });
});
