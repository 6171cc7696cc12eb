import { createMailQueueLambda, perInstance } from '../lambdas.ts';

/** The mail queue's worker, run every minute by an EventBridge schedule (ADR 0023). */
export const handler = perInstance(() => createMailQueueLambda(process.env));
