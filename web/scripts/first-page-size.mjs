#!/usr/bin/env node
// The JavaScript a first visit downloads, gzipped: the entry script of web/dist/index.html,
// its modulepreload links, and (to be safe) every chunk those import statically.
// Lazy screens (dynamic import()) are not counted: they load only when visited. The main
// catalog of the reader's language is (main.tsx awaits it before the first render): its chunk,
// `assets/locale-<language>-common-<hash>.js`, is added per language.
//
// Usage: node web/scripts/first-page-size.mjs [distDir]
// Prints: { "firstPageJsGzipBytes": N (the heaviest language's), "languages": { "en": N, … },
//           "files": [{ "file", "bytes", "gzipBytes" }] (without the catalogs) }

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = resolve(
  process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'),
);
const indexFile = join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error(
    `first-page-size: ${indexFile} not found; run \`pnpm --filter @sisi/web build\` first`,
  );
  process.exit(1);
}
const html = readFileSync(indexFile, 'utf8');

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
const isJs = (url) => /\.m?js(\?|#|$)/.test(url);
const local = (url) => !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);

/** A URL of index.html (base "/") or of a chunk (relative to it) → a file in dist. */
function toFile(url, from) {
  const path = url.split(/[?#]/)[0];
  return path.startsWith('/') ? join(dist, path) : resolve(dirname(from), path);
}

const queue = [];
for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
  const src = attr(tag, 'src');
  if (src && local(src) && /type\s*=\s*["']module["']/i.test(tag))
    queue.push(toFile(src, indexFile));
}
for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
  const href = attr(tag, 'href');
  if (href && local(href) && /rel\s*=\s*["']modulepreload["']/i.test(tag) && isJs(href)) {
    queue.push(toFile(href, indexFile));
  }
}
if (queue.length === 0) {
  console.error('first-page-size: no module script in index.html');
  process.exit(1);
}

// Static imports only: `import"./a.js"`, `import{x}from"./a.js"`, `export*from"./a.js"`;
// `import("./a.js")` is a lazy chunk and is skipped.
const STATIC_IMPORT =
  /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g;

const seen = new Map();
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  const code = readFileSync(file);
  seen.set(file, { bytes: code.length, gzipBytes: gzipSync(code).length });
  for (const match of code.toString('utf8').matchAll(STATIC_IMPORT)) {
    const spec = match[1];
    if (local(spec)) queue.push(toFile(spec, file));
  }
}

const files = [...seen].map(([file, size]) => ({ file: relative(dist, file), ...size }));
const code = files.reduce((sum, f) => sum + f.gzipBytes, 0);

// the main catalog of each language, as the reader of that language downloads it
const languages = {};
for (const file of readdirSync(join(dist, 'assets'))) {
  const lng = file.match(/^locale-([a-z-]+)-common-[\w-]+\.js$/)?.[1];
  if (lng) languages[lng] = code + gzipSync(readFileSync(join(dist, 'assets', file))).length;
}
if (Object.keys(languages).length === 0) {
  console.error('first-page-size: no assets/locale-<language>-common-*.js catalog chunk');
  process.exit(1);
}
const firstPageJsGzipBytes = Math.max(...Object.values(languages));
console.log(JSON.stringify({ firstPageJsGzipBytes, languages, files }, null, 2));
