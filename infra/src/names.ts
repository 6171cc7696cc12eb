import { networkTableName } from '@sisi/data';

/**
 * Names of the resources the platform stack and the network stacks share. Network stacks are
 * deployed on their own (by the provisioning build), so they find the platform's resources
 * by these names instead of by cross-stack exports, which would pin the platform stack.
 *
 * @example names('sisi').stateMachine('kp-alliance-x1') // 'sisi-lifecycle-kp-alliance-x1'
 */
export function names(prefix: string) {
  return {
    platformStack: `${prefix}-platform`,
    /** The us-east-1 stack of what CloudFront needs there: the web ACL. */
    edgeStack: `${prefix}-edge`,
    webAcl: `${prefix}-edge`,
    /** SSM parameter (us-east-1) holding the web ACL's ARN, read by the platform stack. */
    webAclArnParameter: `/${prefix}/edge/web-acl-arn`,
    networkStack: (networkId: string) => `${prefix}-network-${networkId}`,
    /** The lifecycle state machine of one network; the API derives the ARN the same way. */
    stateMachine: (networkId: string) => `${prefix}-lifecycle-${networkId}`,
    stateMachinePrefix: `${prefix}-lifecycle-`,
    /** The network's customer-managed key: its table and its confidential fields (ADR 0009). */
    networkKeyAlias: (networkId: string) => `alias/${networkTableName(prefix, networkId)}`,
    /** Network tables match this pattern; the ABAC role's resources are limited to it. */
    networkTablePattern: `${prefix}-net-*`,
    rollupFunction: `${prefix}-rollup`,
    rollupRole: `${prefix}-rollup`,
    rollupFailureQueue: `${prefix}-rollup-failures`,
    networkAccessRole: `${prefix}-network-access`,
    provisioningProject: `${prefix}-provision-network`,
    /** SSM parameter holding the SPA's URL, read by the network stacks at deploy time. */
    baseUrlParameter: `/${prefix}/base-url`,
    mailConfigurationSet: `${prefix}-mail`,
  };
}

/**
 * The header CloudFront's API origin adds with the origin secret, and the one its
 * viewer-request function sets to the viewer's address; the API reads both
 * (apps/aws/src/settings.ts names them the same).
 */
export const ORIGIN_SECRET_HEADER = 'x-sisi-origin-secret';
export const VIEWER_ADDRESS_HEADER = 'x-sisi-viewer-address';

/** The session tag the API puts on its per-network credentials (ABAC). */
export const NETWORK_TAG = 'network';
