/**
 * Paths into a form's value. A field is bound by a *path*: `startDate`,
 * `learningObjectives.<rowKey>.now.capacity`. Rows of lists carry a `_key` (never sent), so
 * the path of a field stays the same when rows before it are removed. The API's error paths
 * use indices (`learningObjectives.0.objective`); `keyedPath` turns them into field paths,
 * using the value that was submitted.
 */

/** A row of a repeatable list. */
export interface Row {
  _key: string;
}

let counter = 0;
/** A key for a new row, usable as a plan item id (`[A-Za-z0-9_-]`). */
export function newKey(): string {
  counter += 1;
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID().replaceAll('-', '').slice(0, 16)
      : Math.random().toString(36).slice(2, 14);
  return `r${counter.toString(36)}${random}`;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const rowKey = (row: unknown): string | undefined =>
  isObject(row) && typeof row._key === 'string' ? row._key : undefined;

/**
 * The value at a field path (rows found by their `_key`).
 * @example getAt({ rows: [{ _key: 'a', name: 'x' }] }, 'rows.a.name') // 'x'
 */
export function getAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const segment of path.split('.')) {
    if (Array.isArray(node)) node = node.find((row) => rowKey(row) === segment);
    else if (isObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * A copy of `root` with `value` at the path; missing objects on the way are created.
 * @example setAt({ a: { b: 1 } }, 'a.c', 2) // { a: { b: 1, c: 2 } }
 */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return root;
  const apply = (current: unknown) =>
    rest.length === 0 ? value : setAt(current, rest.join('.'), value);
  if (Array.isArray(root)) {
    return root.map((row) => (rowKey(row) === head ? apply(row) : row)) as T;
  }
  const base: Record<string, unknown> = isObject(root) ? root : {};
  return { ...base, [head]: apply(base[head]) } as T;
}

/** The value at an API path (`learningObjectives.0.objective`) of a body. */
export function valueAt(body: unknown, apiPath: string): unknown {
  let node: unknown = body;
  for (const segment of apiPath.split('.')) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * An API path (`learningObjectives.0.activities.1.description`) as a field path
 * (`learningObjectives.<key>.activities.<key>.description`), walking the value that was sent.
 */
export function keyedPath(root: unknown, apiPath: string): string {
  let node: unknown = root;
  const out: string[] = [];
  for (const segment of apiPath.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      const row = node[Number(segment)];
      out.push(rowKey(row) ?? segment);
      node = row;
    } else {
      out.push(segment);
      node = isObject(node) ? node[segment] : undefined;
    }
  }
  return out.join('.');
}
