import { createProvisioningLambda, perInstance } from '../lambdas.ts';

/** The Lambda the EventBridge rule runs when a provisioning build ends. */
export const handler = perInstance(() => createProvisioningLambda(process.env));
