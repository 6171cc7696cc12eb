import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { findRepoRoot } from '@sisi/local';

export const FIRST_PAGE_BUDGET_BYTES = 120 * 1024;

/** Gzipped JS the first page loads (entry chunk and its preloads), from the built SPA. */
export function benchFirstPage(): { bytes: number; files: string[]; budgetRatio: number } {
  const root = findRepoRoot();
  const out = execFileSync(process.execPath, [join(root, 'web/scripts/first-page-size.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  const { firstPageJsGzipBytes, files } = JSON.parse(out) as {
    firstPageJsGzipBytes: number;
    files: string[];
  };
  return {
    bytes: firstPageJsGzipBytes,
    files,
    budgetRatio: firstPageJsGzipBytes / FIRST_PAGE_BUDGET_BYTES,
  };
}
