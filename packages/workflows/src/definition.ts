import lifecycle from './lifecycle.asl.json' with { type: 'json' };

/** A JSON value, as ASL definitions, execution inputs and task results are. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One state of an ASL definition: only the fields this package reads are typed. */
export interface AslState {
  Type: 'Task' | 'Parallel' | 'Map' | 'Pass' | 'Wait' | 'Choice' | 'Succeed' | 'Fail';
  Next?: string;
  End?: boolean;
  Resource?: string;
  Seconds?: number;
  SecondsPath?: string;
  Timestamp?: string;
  TimestampPath?: string;
  InputPath?: string | null;
  OutputPath?: string | null;
  Choices?: { Next: string }[];
  Default?: string;
  Catch?: { Next: string }[];
  [field: string]: unknown;
}

/** An Amazon States Language definition (JSONPath flavour). */
export interface AslDefinition {
  Comment?: string;
  StartAt: string;
  States: Record<string, AslState>;
  [field: string]: unknown;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The mentorship review lifecycle (`lifecycle.asl.json`), the one definition both runtimes
 * run: Step Functions Standard on AWS, `LocalWorkflowRunner` otherwise. Its Task resources
 * are placeholders (`${RequestReviewFunctionArn}`, …): fill them with `substitute`. Frozen;
 * clone it before handing it to anything that writes into it (asl-validator does).
 */
export const lifecycleDefinition: AslDefinition = deepFreeze(lifecycle as AslDefinition);

/** The placeholders of `lifecycleDefinition`'s Task resources, one per task handler. */
export const lifecyclePlaceholders = [
  'RequestReviewFunctionArn',
  'RemindIfMissingFunctionArn',
  'EscalateIfMissingFunctionArn',
] as const;
export type LifecyclePlaceholder = (typeof lifecyclePlaceholders)[number];

/** The resource names the local runner's task handlers are keyed by. */
export const localLifecycleResources: Record<LifecyclePlaceholder, string> = {
  RequestReviewFunctionArn: 'local:RequestReview',
  RemindIfMissingFunctionArn: 'local:RemindIfMissing',
  EscalateIfMissingFunctionArn: 'local:EscalateIfMissing',
};

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

/**
 * A copy of `definition` with every `${Name}` in its strings replaced by
 * `substitutions[Name]`, as CloudFormation's `DefinitionSubstitutions` do. A placeholder
 * without a substitution throws, so nothing half-filled reaches a runtime.
 *
 * @example
 * substitute(lifecycleDefinition, localLifecycleResources).States.RequestReview.Resource
 * // 'local:RequestReview'
 */
export function substitute<T>(definition: T, substitutions: Record<string, string>): T {
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(PLACEHOLDER, (_, name: string) => {
        const replacement = substitutions[name];
        if (replacement === undefined) throw new Error(`no substitution for \${${name}}`);
        return replacement;
      });
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    }
    return value;
  };
  return fill(definition) as T;
}

const PERIOD_SUFFIX = /-p[1-9][0-9]*$/;

/** Execution names come from the domain, so the API and the handlers agree on them. */
export { executionName } from '@sisi/domain';

/** The executions of one mentorship form a chain; this names it (`<network>-<mentorship>`). */
export function chainName(networkId: string, mentorshipId: string): string {
  if (!networkId || !mentorshipId) throw new RangeError('networkId and mentorshipId are required');
  return `${networkId}-${mentorshipId}`;
}

/** The chain an execution name belongs to: the name without its `-p<n>`. */
export const chainOf = (name: string): string => name.replace(PERIOD_SUFFIX, '');

/** Longest wait written as `Seconds` that is still allowed: long waits use `TimestampPath`. */
const MAX_WAIT_SECONDS = 86_400;

/**
 * What the ASL must not contain for both interpreters to agree (DESIGN.md, "The local
 * workflow runner"): every violation as `<JSON path>: <what>`; none means the definition
 * keeps the rule.
 *
 * @example aslViolations(lifecycleDefinition) // []
 */
export function aslViolations(definition: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'string' && node.trimStart().startsWith('{%')) {
      found.push(`${path}: JSONata expression`);
    }
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(child, `${path}[${i}]`);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.QueryLanguage === 'JSONata') found.push(`${path}: QueryLanguage JSONata`);
    if ('Assign' in obj) found.push(`${path}: Assign`);
    // JSONata states take `Arguments` and `Output` where JSONPath ones take Parameters etc.
    if (typeof obj.Type === 'string' && ('Arguments' in obj || 'Output' in obj)) {
      found.push(`${path}: Arguments/Output (JSONata fields)`);
    }
    if ('HeartbeatSeconds' in obj || 'HeartbeatSecondsPath' in obj) {
      found.push(`${path}: HeartbeatSeconds`);
    }
    if (obj.ResultPath === '$') found.push(`${path}: ResultPath "$"`);
    const processor = obj.ItemProcessor as { ProcessorConfig?: { Mode?: unknown } } | undefined;
    if (obj.Type === 'Map' && processor?.ProcessorConfig?.Mode === 'DISTRIBUTED') {
      found.push(`${path}: distributed Map`);
    }
    if (obj.Type === 'Wait' && typeof obj.Seconds === 'number' && obj.Seconds > MAX_WAIT_SECONDS) {
      found.push(`${path}: Wait of ${obj.Seconds} s (longer than a day: use TimestampPath)`);
    }
    for (const [key, child] of Object.entries(obj)) walk(child, `${path}.${key}`);
  };
  walk(definition, '$');
  return found;
}
