import { createApiLambda, perInstance } from '../lambdas.ts';

/** The API Lambda behind API Gateway's HTTP API (the platform stack's `api` function). */
export const handler = perInstance(() => createApiLambda(process.env));
