import { Stack, type StackProps } from 'aws-cdk-lib';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { SisiConfig } from './config.ts';
import { names } from './names.ts';

/** WAF's rate rules count requests per viewer address over this many seconds. */
export const RATE_WINDOW_SECONDS = 300;

/** The web ACL's rate limits per viewer address and `RATE_WINDOW_SECONDS` (docs/deploy.md). */
export const EDGE_RATES = {
  /** Sign-in (`POST /api/v1/auth/login`): an office behind one address still fits. */
  login: 100,
  /** Invitation links (`/api/v1/invitations/…`): look-ups and acceptances. */
  invitations: 100,
  /** Every request to the API, about 10 a second. */
  api: 3_000,
} as const;

export interface EdgeStackProps extends StackProps {
  config: SisiConfig;
}

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

const pathStatement = (
  path: string,
  positionalConstraint: 'EXACTLY' | 'STARTS_WITH',
): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint,
    searchString: path,
    textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
  },
});

const rateRule = (
  name: string,
  priority: number,
  limit: number,
  scope: CfnWebACL.StatementProperty,
): CfnWebACL.RuleProperty => ({
  name,
  priority,
  action: { block: { customResponse: { responseCode: 429 } } },
  statement: {
    rateBasedStatement: {
      aggregateKeyType: 'IP',
      limit,
      evaluationWindowSec: RATE_WINDOW_SECONDS,
      scopeDownStatement: scope,
    },
  },
  visibilityConfig: visibility(name),
});

const managedRule = (
  name: string,
  priority: number,
  /** Rules of the group only counted, not enforced, each for a reason given at the call. */
  countOnly: string[] = [],
): CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name,
      ...(countOnly.length
        ? {
            ruleActionOverrides: countOnly.map((rule) => ({
              name: rule,
              actionToUse: { count: {} },
            })),
          }
        : {}),
    },
  },
  visibilityConfig: visibility(name),
});

/**
 * What lives in us-east-1 because CloudFront wants it there: the web ACL of the
 * distribution. Rate rules per viewer address (sign-in, invitation links, the whole API),
 * answered 429 at the edge, and AWS's managed common and known-bad-input rules. Its ARN is
 * kept in an SSM parameter of us-east-1 (`names().webAclArnParameter`), which the platform
 * stack reads at deploy time: the two stacks are in different regions, and the platform
 * stack may be deployed without a fixed environment.
 *
 * @example new EdgeStack(app, 'sisi-edge', { env: { region: 'us-east-1' }, config });
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const n = names(props.config.prefix);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: n.webAcl,
      description: 'Sisi: rate limits per viewer address and AWS managed rules, on CloudFront',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(n.webAcl),
      rules: [
        rateRule('LoginRate', 0, EDGE_RATES.login, pathStatement('/api/v1/auth/login', 'EXACTLY')),
        rateRule(
          'InvitationRate',
          1,
          EDGE_RATES.invitations,
          pathStatement('/api/v1/invitations/', 'STARTS_WITH'),
        ),
        rateRule('ApiRate', 2, EDGE_RATES.api, pathStatement('/api/', 'STARTS_WITH')),
        // Photo uploads are up to 5 MB; the API bounds every body itself.
        managedRule('AWSManagedRulesCommonRuleSet', 3, ['SizeRestrictions_BODY']),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet', 4),
      ],
    });
    new StringParameter(this, 'WebAclArn', {
      parameterName: n.webAclArnParameter,
      stringValue: this.webAcl.attrArn,
      description: "Sisi's CloudFront web ACL (read by the platform stack at deploy time)",
    });
  }
}
