import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The embedded runtime (apps/local) serves dist/ and falls back to index.html for
// unknown non-/api paths, so client-side routes work on reload.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // a catalog's chunk is named after its language and namespace (`locale-fr-common-….js`),
        // so the first-page figure can count the reader's language (web/scripts/first-page-size.mjs)
        chunkFileNames: (chunk) => {
          const catalog = chunk.facadeModuleId?.match(/\/locales\/([a-z-]+)\/([\w-]+)\.json$/i);
          return catalog
            ? `assets/locale-${catalog[1]}-${catalog[2]}-[hash].js`
            : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
