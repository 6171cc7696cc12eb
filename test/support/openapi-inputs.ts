/**
 * Inputs made from the API's own OpenAPI document, so that every route, a new one too, is
 * attacked without anyone writing a test for it: a plausible value for a schema, and bad
 * inputs derived from it (wrong types, missing fields, huge strings, deep nesting, bad dates,
 * NUL and lone surrogates, broken bodies), drawn by a seeded generator.
 */

/** The parts of a JSON schema (as `@hono/zod-openapi` writes them) the generator reads. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<string, unknown>;
  security?: unknown[];
}

export interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** A small seeded PRNG (mulberry32): the same seed draws the same inputs. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
export type Rng = ReturnType<typeof prng>;

/** A stable number for a string (FNV-1a), to seed each route apart. */
export const hash = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** The schema `$ref` points at, and the parts of an `allOf` merged. */
export function resolve(spec: Spec, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(spec, spec.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => resolve(spec, s));
    return {
      ...Object.assign({}, ...parts),
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }
  return schema;
}

/** The one non-null branch of a schema (`anyOf`/`oneOf` take the first that is not null). */
function branch(spec: Spec, schema: Schema | undefined): Schema {
  const s = resolve(spec, schema);
  const options = s.anyOf ?? s.oneOf;
  if (options) {
    const real = options.map((o) => resolve(spec, o)).filter((o) => o.type !== 'null');
    return branch(spec, real[0] ?? options[0]);
  }
  return s;
}

/** The JSON types a schema accepts (`undefined` when it says nothing). */
export function typesOf(spec: Spec, schema: Schema | undefined): string[] | undefined {
  const s = resolve(spec, schema);
  const options = s.anyOf ?? s.oneOf;
  if (options) {
    const all = options.map((o) => typesOf(spec, o));
    return all.some((t) => !t) ? undefined : [...new Set(all.flat() as string[])];
  }
  if (s.enum) return [...new Set(s.enum.map(jsonType))];
  if (s.const !== undefined) return [jsonType(s.const)];
  if (Array.isArray(s.type)) return s.type.map((t) => (t === 'integer' ? 'number' : t));
  if (s.type) return [s.type === 'integer' ? 'number' : s.type];
  if (s.properties) return ['object'];
  return undefined;
}

export const jsonType = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as string);

/** Strings tried, in order, for a `pattern`: the first that matches it (and fits) is taken. */
const PATTERN_CANDIDATES = [
  'abcdef12',
  'abc-def1',
  'r0p0',
  'r000p000',
  '2025Q1',
  '2025-03-10',
  '2025-03',
  '10:30',
  'KE',
  'USD',
  'en',
  'abc',
  'a1',
  '1',
  'A',
  'https://example.org',
  '+254700000000',
];

/** How many pattern strings were drawn: a suffix that keeps ids apart. */
let drawn = 0;

/** Values for string fields whose names say what they hold (a refinement checks them). */
const NAME_HINTS: Record<string, string> = {
  email: 'someone@example.org',
  '^country$': 'KE',
  currency: 'USD',
  language: 'en',
};

/**
 * A plausible value for a schema: a date for a date, an email for an email, the first of an
 * enum, a string matching a pattern, the required fields of an object (and the optional ones
 * when `full`), one item per list. Not always valid (a refinement across fields is not in the
 * schema), which the callers allow for.
 */
export function sample(
  spec: Spec,
  schema: Schema | undefined,
  full = true,
  depth = 0,
  key = '',
): unknown {
  const s = branch(spec, schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined && depth > 0) return s.default;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object' || (!type && s.properties)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      if (full || s.required?.includes(k)) out[k] = sample(spec, v, full, depth + 1, k);
    }
    return out;
  }
  if (type === 'array') {
    const n = Math.max(s.minItems ?? 0, 1);
    const item = branch(spec, s.items);
    if (item.enum) return item.enum.slice(0, Math.min(n, s.maxItems ?? n));
    return Array.from({ length: Math.min(n, s.maxItems ?? n) }, () =>
      sample(spec, s.items, full, depth + 1, key),
    );
  }
  if (type === 'integer' || type === 'number') {
    const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    return Math.min(Math.max(min, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
  }
  if (type === 'boolean') return true;
  if (type === 'string') {
    if (s.format === 'date') return '2025-03-10';
    if (s.format === 'date-time') return '2025-03-10T10:00:00.000Z';
    if (s.format === 'email') return `someone.${depth}@example.org`;
    if (s.format === 'uri' || s.format === 'url') return 'https://example.org/a';
    // what a refinement the schema does not show expects, told by the field's name
    const hinted = Object.entries(NAME_HINTS).find(([re]) => new RegExp(re, 'i').test(key));
    if (hinted && !s.pattern) return hinted[1];
    const fits = (v: string) =>
      v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY);
    if (s.pattern) {
      // two ids in one body must differ (a refinement may say "listed twice")
      const re = new RegExp(s.pattern);
      const n = String(++drawn);
      const ok = (c: string) => re.test(c) && fits(c);
      const found = PATTERN_CANDIDATES.find(ok);
      return found && ok(found + n) ? found + n : (found ?? 'abcdef12');
    }
    const text = 'Plain words';
    return fits(text) ? text : 'x'.repeat(Math.max(s.minLength ?? 1, 1));
  }
  return 'Plain words';
}

/** A field of a body: its path from the root and its schema, and whether its parent needs it. */
export interface Field {
  path: (string | number)[];
  schema: Schema;
  required: boolean;
}

/** Every field of `value` (objects and lists, down to `maxDepth`), with its schema. */
export function fieldsOf(spec: Spec, schema: Schema | undefined, value: unknown, maxDepth = 5) {
  const out: Field[] = [];
  const walk = (
    s0: Schema | undefined,
    v: unknown,
    path: (string | number)[],
    required: boolean,
  ) => {
    const s = branch(spec, s0);
    if (path.length) out.push({ path, schema: s, required });
    if (path.length >= maxDepth) return;
    if (v && typeof v === 'object' && !Array.isArray(v) && s.properties) {
      for (const [k, child] of Object.entries(v)) {
        walk(s.properties[k], child, [...path, k], !!s.required?.includes(k));
      }
    } else if (Array.isArray(v) && s.items) {
      v.forEach((child, i) => {
        walk(s.items, child, [...path, i], false);
      });
    }
  };
  walk(schema, value, [], true);
  return out;
}

/** One request body drawn by the generator and what the answer must name. */
export interface BadInput {
  kind: string;
  /** The raw body text sent as `application/json`. */
  body: string;
  /** The field the answer must name (dotted), or `undefined` for a broken body. */
  field?: string;
  /** A body over the JSON limit may answer 413 instead of 400. */
  mayBeTooLarge?: boolean;
}

const setAt = (root: unknown, path: (string | number)[], value: unknown) => {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === REMOVE) {
    if (Array.isArray(at)) at.splice(last as number, 1);
    else delete at[last];
  } else at[last] = value;
  return copy;
};
const REMOVE = Symbol('remove');
/** A placeholder replaced in the JSON text by raw text (deep nesting is not built as objects). */
const RAW = '\u2063raw\u2063';

const WRONG_VALUES: unknown[] = [12345, -1.5, true, false, 'a string', [], [1, 2], {}, { a: 1 }];
const BAD_DATES = [
  '2025-02-30',
  '2025-13-01',
  '2025-00-10',
  'yesterday',
  '10/03/2025',
  '2025-3-1',
  '20250310',
  '2025-02-29',
  '0000-00-00',
  '2025-03-10T25:00:00Z',
  '',
];

/**
 * `count` bad inputs for a JSON body of `schema`, drawn by `rng`. Each spoils one field of a
 * plausible body (or the body itself) so the answer has a field to name.
 */
export function badInputs(spec: Spec, schema: Schema, count: number, rng: Rng): BadInput[] {
  const base = sample(spec, schema);
  const fields = fieldsOf(spec, schema, base);
  const dotted = (p: (string | number)[]) => p.join('.');
  const stringFields = fields.filter((f) => typesOf(spec, f.schema)?.join() === 'string');
  const dateFields = stringFields.filter((f) => ['date', 'date-time'].includes(f.schema.format!));
  const json = (v: unknown) => JSON.stringify(v);

  const makers: (() => BadInput | undefined)[] = [
    // a value of another JSON type
    () => {
      const typed = fields.filter((f) => typesOf(spec, f.schema));
      if (!typed.length) return undefined;
      const f = rng.pick(typed);
      const accepted = typesOf(spec, f.schema)!;
      const options = WRONG_VALUES.filter((v) => !accepted.includes(jsonType(v)));
      const value = rng.pick(options);
      return { kind: 'wrong type', field: dotted(f.path), body: json(setAt(base, f.path, value)) };
    },
    // a required field left out
    () => {
      const required = fields.filter((f) => f.required && typeof f.path.at(-1) === 'string');
      if (!required.length) return undefined;
      const f = rng.pick(required);
      return { kind: 'missing', field: dotted(f.path), body: json(setAt(base, f.path, REMOVE)) };
    },
    // a huge string
    () => {
      if (!stringFields.length) return undefined;
      const f = rng.pick(stringFields);
      // longer than the field allows (past the 64 kB JSON limit where it sets no limit)
      const least = (f.schema.maxLength ?? 65_536) + 4; // + 4: a trimmed end still overflows
      const unit = rng.pick(['x', 'é', '🙂', 'ab ']);
      // lengths count code points, as JSON Schema's maxLength and the API do (🙂 is one)
      const value = unit.repeat(Math.ceil(rng.int(least, least + 150_000) / [...unit].length));
      return {
        kind: 'huge string',
        field: dotted(f.path),
        body: json(setAt(base, f.path, value)),
        mayBeTooLarge: true,
      };
    },
    // deep nesting where a field was
    () => {
      if (!fields.length) return undefined;
      const f = rng.pick(fields);
      const depth = rng.int(200, 3000);
      const open = rng.next() < 0.5 ? '[' : '{"a":';
      const close = open === '[' ? ']' : '}';
      const body = json(setAt(base, f.path, RAW)).replace(
        json(RAW),
        `${open.repeat(depth)}1${close.repeat(depth)}`,
      );
      return { kind: 'deep nesting', field: dotted(f.path), body, mayBeTooLarge: true };
    },
    // a date that is not one
    () => {
      if (!dateFields.length) return undefined;
      const f = rng.pick(dateFields);
      return {
        kind: 'bad date',
        field: dotted(f.path),
        body: json(setAt(base, f.path, rng.pick(BAD_DATES))),
      };
    },
    // NUL or a lone surrogate inside a string
    () => {
      if (!stringFields.length) return undefined;
      const f = rng.pick(stringFields);
      const bad = rng.pick(['\u0000', '\ud800', '\udfff', '\udc00x', 'x\ud83d']);
      const current = String(sample(spec, f.schema));
      const at = rng.int(0, current.length);
      const value = current.slice(0, at) + bad + current.slice(at);
      return {
        kind: bad === '\u0000' ? 'NUL' : 'lone surrogate',
        field: dotted(f.path),
        body: json(setAt(base, f.path, value)),
      };
    },
    // a body that is not an object of the route
    () =>
      rng.pick<BadInput>([
        { kind: 'not JSON', body: '{"a":' },
        { kind: 'not JSON', body: `{${'"a":1,'.repeat(rng.int(1, 50))}` },
        { kind: 'empty body', body: '' },
        { kind: 'a list', body: '[]' },
        { kind: 'a string', body: '"text"' },
        { kind: 'null', body: 'null' },
        { kind: 'a number', body: String(rng.int(-5, 5)) },
        {
          kind: 'deep body',
          body: `${'['.repeat(rng.int(1_000, 20_000))}`,
          mayBeTooLarge: true,
        },
      ]),
  ];
  const out: BadInput[] = [];
  let tries = 0;
  while (out.length < count && tries++ < count * 20) {
    // the broken bodies are one kind of seven; the field kinds share the rest
    const input = rng.pick(makers)();
    if (input) out.push(input);
  }
  return out;
}
