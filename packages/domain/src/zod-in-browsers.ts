/**
 * In a browser (the SPA), zod's fast path would compile code with `new Function`, which the
 * Content-Security-Policy forbids (ADR 0019): parse without it there, and never ask. zod
 * decides when a schema is made, so this module is the domain entry's first import. Servers
 * keep the fast path.
 */
import { z } from 'zod';

if ('document' in globalThis) z.config({ jitless: true });
