import type { AppType } from '@sisi/api';
import { hc } from 'hono/client';
import { i18n } from '../i18n/index.ts';
import { getToken } from '../session.ts';

/**
 * The headers every API call carries: the session's bearer token, and the reader's
 * language, so that problems come back in it (ADR 0036).
 */
export function apiHeaders(): Record<string, string> {
  const token = getToken();
  return {
    'accept-language': i18n.language,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/**
 * The typed API client (Hono RPC). Only the server's *type* is imported: nothing of the
 * server ends up in the bundle. Every request carries the session's bearer token and the
 * reader's language.
 *
 * @example
 * const networks = await call(api.networks.$get({ query: {} }));
 */
export const client = hc<AppType>('/', { headers: apiHeaders });

/** The `/api/v1` routes. */
export const api = client.api.v1;

/** A field error of a problem: `code` (stable) and `params` are what the SPA words. */
export interface FieldError {
  path: string;
  code?: string;
  params?: Record<string, unknown>;
  message: string;
}

/** An `application/problem+json` answer (RFC 9457), or a failure to reach the server (status 0). */
export class ApiProblem extends Error {
  override name = 'ApiProblem';
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
    /** Seconds, from `Retry-After` on 429. */
    readonly retryAfter?: number,
  ) {
    super(detail);
  }
}

interface ResponseLike<T> {
  ok: boolean;
  status: number;
  headers: Headers;
  json(): Promise<T>;
}

async function problemOf(res: ResponseLike<unknown>): Promise<ApiProblem> {
  let body: { title?: unknown; detail?: unknown; errors?: unknown } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON: a proxy's error page, for instance
  }
  const errors = Array.isArray(body.errors)
    ? (body.errors as unknown[]).filter(
        (e): e is FieldError =>
          typeof e === 'object' &&
          e !== null &&
          typeof (e as FieldError).path === 'string' &&
          typeof (e as FieldError).message === 'string',
      )
    : [];
  const retry = Number(res.headers.get('retry-after'));
  return new ApiProblem(
    res.status,
    typeof body.title === 'string' ? body.title : `HTTP ${res.status}`,
    typeof body.detail === 'string' ? body.detail : '',
    errors,
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
  );
}

/**
 * Awaits a client call and returns its JSON body, or throws an `ApiProblem`
 * (status 0 when the server could not be reached).
 */
export async function call<T>(request: Promise<ResponseLike<T>>): Promise<T> {
  let res: ResponseLike<T>;
  try {
    res = await request;
  } catch (error) {
    throw new ApiProblem(0, 'Network error', error instanceof Error ? error.message : '');
  }
  if (!res.ok) throw await problemOf(res);
  return res.json();
}

/** A fresh `Idempotency-Key` for one create (a retry of the same submit reuses it). */
export function idempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
