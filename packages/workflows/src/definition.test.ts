import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import {
  type AslDefinition,
  aslViolations,
  chainOf,
  executionName,
  lifecycleDefinition,
  lifecyclePlaceholders,
  localLifecycleResources,
  substitute,
} from './definition.ts';

const arns = Object.fromEntries(
  lifecyclePlaceholders.map((p) => [
    p,
    `arn:aws:lambda:eu-west-1:123456789012:function:sisi-${p.replace('FunctionArn', '')}`,
  ]),
);

/**
 * The whole rule: valid ASL (asl-validator) and nothing the two interpreters disagree on.
 * `checkArn` on: asl-validator accepts a `${Placeholder}` resource only then (with it off,
 * a placeholder matches two of its alternatives and fails `oneOf`).
 */
function check(definition: unknown, checkArn = true): string[] {
  // asl-validator writes QueryLanguage into every state: give it a copy
  const { isValid, errorsText } = aslValidator(structuredClone(definition), {
    checkPaths: true,
    checkArn,
  });
  return [...(isValid ? [] : [errorsText('; ')]), ...aslViolations(definition)];
}

const copy = (): AslDefinition => structuredClone(lifecycleDefinition) as AslDefinition;

describe('lifecycle.asl.json', () => {
  it('is valid ASL as written, with placeholders, and once its resources are filled in', () => {
    expect(check(lifecycleDefinition)).toEqual([]);
    expect(check(substitute(lifecycleDefinition, arns), true)).toEqual([]);
    expect(check(substitute(lifecycleDefinition, localLifecycleResources), false)).toEqual([]);
  });

  it('waits by TimestampPath only, and retries every task on TaskFailed', () => {
    const states = Object.values(lifecycleDefinition.States);
    const waits = states.filter((s) => s.Type === 'Wait');
    expect(waits.map((w) => w.TimestampPath)).toEqual([
      '$.review.dueAt',
      '$.review.remindAt',
      '$.review.escalateAt',
    ]);
    for (const w of waits) expect(Object.keys(w).sort()).toEqual(['Next', 'TimestampPath', 'Type']);
    const tasks = states.filter((s) => s.Type === 'Task');
    expect(tasks.map((t) => t.Resource)).toEqual(lifecyclePlaceholders.map((p) => `\${${p}}`));
    for (const t of tasks) {
      const retry = t.Retry as { ErrorEquals: string[]; MaxAttempts: number }[];
      expect(retry[0]?.ErrorEquals).toContain('States.TaskFailed');
      expect(retry[0]?.MaxAttempts).toBeGreaterThan(1);
      expect(t.ResultPath).toBe('$.result');
    }
  });

  it('is frozen, so no caller can change the one definition', () => {
    expect(Object.isFrozen(lifecycleDefinition.States.RequestReview)).toBe(true);
    expect(() => {
      (lifecycleDefinition as { StartAt: string }).StartAt = 'RequestReview';
    }).toThrow(TypeError);
  });
});

describe('the interpreter rule catches each forbidden construct', () => {
  const doctored: [string, (d: AslDefinition) => void, RegExp][] = [
    [
      'JSONata for the whole machine',
      (d) => Object.assign(d, { QueryLanguage: 'JSONata' }),
      /QueryLanguage JSONata/,
    ],
    [
      'a JSONata state',
      (d) =>
        Object.assign(d.States.RequestReview as object, {
          QueryLanguage: 'JSONata',
          Arguments: '{% $states.input %}',
        }),
      /JSONata/,
    ],
    [
      'Assign',
      (d) => Object.assign(d.States.RequestReview as object, { Assign: { x: 1 } }),
      /Assign/,
    ],
    [
      'HeartbeatSeconds',
      (d) => Object.assign(d.States.RemindIfMissing as object, { HeartbeatSeconds: 60 }),
      /HeartbeatSeconds/,
    ],
    [
      'an explicit ResultPath "$"',
      (d) => Object.assign(d.States.EscalateIfMissing as object, { ResultPath: '$' }),
      /ResultPath "\$"/,
    ],
    [
      'a distributed Map',
      (d) => {
        d.States.Fanout = {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Each',
            States: { Each: { Type: 'Pass', End: true } },
          },
          Next: 'Done',
        };
        (d.States.QuarterlyFollowUp as { Default: string }).Default = 'Fanout';
      },
      /distributed Map/,
    ],
    [
      'a Wait of more than a day in Seconds',
      (d) => {
        const wait = d.States.WaitForReminderDate as Record<string, unknown>;
        delete wait.TimestampPath;
        wait.Seconds = 14 * 86_400;
      },
      /longer than a day/,
    ],
  ];

  it.each(doctored)('%s', (_, doctor, message) => {
    expect(check(lifecycleDefinition)).toEqual([]);
    const d = copy();
    doctor(d);
    // the walk names it, whatever asl-validator thinks of the doctored copy
    expect(aslViolations(d).join('\n')).toMatch(message);
    expect(check(d).length).toBeGreaterThan(0);
  });

  it('lets a short Seconds wait and a ResultPath into $.something pass', () => {
    const d = copy();
    const wait = d.States.WaitForReminderDate as Record<string, unknown>;
    delete wait.TimestampPath;
    wait.Seconds = 3_600;
    expect(check(d)).toEqual([]);
  });
});

describe('substitute', () => {
  it('fills every placeholder and leaves the original alone', () => {
    const filled = substitute(lifecycleDefinition, localLifecycleResources);
    expect(filled.States.RequestReview?.Resource).toBe('local:RequestReview');
    expect(JSON.stringify(filled)).not.toMatch(/\$\{/);
    expect(lifecycleDefinition.States.RequestReview?.Resource).toBe(`\${RequestReviewFunctionArn}`);
  });

  it('refuses to leave a placeholder unfilled', () => {
    expect(() => substitute(lifecycleDefinition, { RequestReviewFunctionArn: 'x' })).toThrow(
      /no substitution for \$\{RemindIfMissingFunctionArn\}/,
    );
  });
});

describe('executionName', () => {
  it('is <network>-<mentorship>-p<n>, and its chain is the name without -p<n>', () => {
    const name = executionName('kp-alliance-x7k2p9', 'a2b3c4d5e6f7g8h9', 12);
    expect(name).toBe('kp-alliance-x7k2p9-a2b3c4d5e6f7g8h9-p12');
    expect(chainOf(name)).toBe('kp-alliance-x7k2p9-a2b3c4d5e6f7g8h9');
  });

  it('refuses what Step Functions would (length, characters) and bad periods', () => {
    expect(() => executionName('net-a', 'm1', 0)).toThrow(RangeError);
    expect(() => executionName('net-a', 'm1', 1.5)).toThrow(RangeError);
    expect(() => executionName('net-a', 'm 1', 1)).toThrow(RangeError);
    expect(() => executionName('n'.repeat(41), 'm'.repeat(40), 1)).toThrow(RangeError);
  });
});
