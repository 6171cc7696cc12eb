/**
 * Writes the English catalogs of the toolkit's content (`packages/domain/locales/en/toolkit-*.json`)
 * from the domain's modules, where the English texts are written. Run after changing a text;
 * translators then update the other languages' files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { catalogOf } from '../packages/domain/src/i18n/content.ts';
import { toolkitModules } from '../packages/domain/src/i18n/toolkit.ts';

const dir = new URL('../packages/domain/locales/en/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [namespace, modules] of Object.entries(toolkitModules)) {
  const file = new URL(`${namespace}.json`, dir);
  writeFileSync(file, `${JSON.stringify(catalogOf(modules), null, 2)}\n`);
  console.log(`i18n:extract: ${namespace}.json`);
}
