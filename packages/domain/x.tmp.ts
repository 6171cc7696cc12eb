import { catalogOf } from './src/i18n/content.ts';
import { toolkitModules } from './src/i18n/toolkit.ts';
for (const [ns, m] of Object.entries(toolkitModules)) { const c = catalogOf(m); const s = JSON.stringify(c, null, 2); console.log(ns, s.length, Object.keys(c).join(',')); if (ns==='toolkit-mentorship') console.log(s.slice(0, 3000)); }
