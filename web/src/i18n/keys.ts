/** The key types of the message catalogs. */

/**
 * A catalog's shape from the type of its English JSON file's import,
 * e.g. `Catalog<typeof import('./locales/en/audit.json')>`.
 */
export type Catalog<M> = M extends { default: infer D } ? D : M;

/** Every leaf of a nested catalog as a dotted key, e.g. `'login.submit'`. */
export type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Strip i18next's plural suffixes: `selected_one` is asked for as `selected`. */
export type Base<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;
