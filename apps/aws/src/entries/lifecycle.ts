import { createLifecycleLambda, perInstance } from '../lambdas.ts';

/** A lifecycle Task state's Lambda (a network stack's; `SISI_LIFECYCLE_TASK` says which). */
export const handler = perInstance(() => createLifecycleLambda(process.env));
