import { expect } from 'vitest';

/** An RFC 9457 problem as the API answers it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { path: string; code: string; params?: Record<string, unknown>; message: string }[];
}

/**
 * Asserts `res` is an `application/problem+json` answer with `status` (and, when given, an
 * entry of `errors` whose `path` is `field`); returns the problem for further checks.
 *
 * @example
 * await expectProblem(await api.call('POST', '/networks', { token, body: {} }), 400, 'name');
 */
export async function expectProblem(
  res: Response,
  status: number,
  field?: string,
): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json\b/);
  const problem = JSON.parse(text) as Problem;
  expect(problem).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  if (field !== undefined) {
    expect(
      problem.errors?.map((e) => e.path),
      text,
    ).toContain(field);
  }
  return problem;
}

/** The JSON body of a response whose status must be `status` (the body is shown on failure). */
export async function expectJson<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json\b/);
  return JSON.parse(text) as T;
}
