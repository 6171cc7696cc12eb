/**
 * The server's error words: all four catalogs, registered at load, so `errorText` answers
 * at once in any of them (the SPA loads one, lazily, with `loadErrorCatalog`).
 */
import en from '../../locales/en/errors.json' with { type: 'json' };
import es from '../../locales/es/errors.json' with { type: 'json' };
import fr from '../../locales/fr/errors.json' with { type: 'json' };
import pt from '../../locales/pt/errors.json' with { type: 'json' };
import { registerErrorCatalog } from './text.ts';

registerErrorCatalog('en', en);
registerErrorCatalog('fr', fr);
registerErrorCatalog('es', es);
registerErrorCatalog('pt', pt);

/** The catalogs by language, as read from `locales/{lng}/errors.json`. */
export const errorCatalogs = { en, fr, es, pt } as const;
