import { Validations } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag findings on a construct (and everything under it), each with why it
 * is acceptable. A finding id is `Rule` or `Rule[Finding]`, as the validation report names it.
 *
 * @example acknowledge(role, [['AwsSolutions-IAM5[Resource::*]', 'X-Ray has no resource ARNs']]);
 */
export function acknowledge(scope: IConstruct, findings: [id: string, reason: string][]): void {
  for (const [id, reason] of findings) {
    if (reason.trim().length < 20) throw new Error(`acknowledgement of ${id} needs a reason`);
    Validations.of(scope).acknowledge({ id, reason });
  }
}

/** CloudWatch Logs accepts only some retention periods; a config with another fails here. */
export function retention(days: number): RetentionDays {
  const allowed = Object.values(RetentionDays).filter((v): v is number => typeof v === 'number');
  if (!allowed.includes(days)) {
    throw new Error(`logRetentionDays must be one of ${allowed.filter((d) => d > 0).join(', ')}`);
  }
  return days as RetentionDays;
}
