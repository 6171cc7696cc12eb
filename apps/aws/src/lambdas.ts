import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createDocumentClient,
  MentorshipRepository,
  networkTableName,
  OrganizationRepository,
  PeopleRepository,
  PlatformRepository,
  platformTableName,
  SesMailer,
} from '@sisi/data';
import type { LifecycleState } from '@sisi/domain';
import { SfnWorkflowStarter } from '@sisi/workflows';
import {
  createLifecycleHandlers,
  type LifecycleDeps,
  type LifecycleHandlers,
  lifecycleRepositories,
} from './handlers.ts';
import { type LifecycleSettings, type LifecycleTask, readLifecycleSettings } from './settings.ts';

/** AWS clients a test may replace; each defaults to one configured from the environment. */
export interface LifecycleClients {
  doc?: DynamoDBDocumentClient;
  ses?: SESv2Client;
  sfn?: SFNClient;
}

const dispatch: Record<LifecycleTask, keyof LifecycleHandlers> = {
  RequestReview: 'requestReview',
  RemindIfMissing: 'remindIfMissing',
  EscalateIfMissing: 'escalateIfMissing',
};

/**
 * The AWS composition root of the lifecycle handlers: DynamoDB tables named from the
 * prefix, SES for mail, Step Functions to start the next review's execution, real time.
 */
export function lifecycleLambdaDeps(
  settings: LifecycleSettings,
  clients: LifecycleClients = {},
): LifecycleDeps {
  const doc = clients.doc ?? createDocumentClient();
  const starter = new SfnWorkflowStarter(clients.sfn ?? new SFNClient({}), {
    stateMachineArn: settings.stateMachineArn,
  });
  return {
    networkRepositories(networkId) {
      const table = networkTableName(settings.tablePrefix, networkId);
      return lifecycleRepositories({
        mentorships: new MentorshipRepository(doc, table),
        organizations: new OrganizationRepository(doc, table),
        people: new PeopleRepository(doc, table),
      });
    },
    platform: new PlatformRepository(doc, platformTableName(settings.tablePrefix)),
    mailer: new SesMailer(clients.ses ?? new SESv2Client({}), {
      from: settings.mailFrom,
      ...(settings.configurationSetName
        ? { configurationSetName: settings.configurationSetName }
        : {}),
    }),
    clock: { now: () => new Date() },
    baseUrl: settings.baseUrl,
    startExecution: (name, input) => starter.start(name, input),
  };
}

/**
 * One Lambda handler for the three Task states: `SISI_LIFECYCLE_TASK` says which one this
 * function is. The event is the execution's state (the Task's input, as the ASL passes it
 * to a Lambda ARN resource); what the handler returns is the Task's result. A throw fails
 * the Task, and the state machine's Retry runs it again.
 *
 * @example
 * const handle = createLifecycleLambda(process.env);
 * await handle(executionInput(mentorship, 1)); // { ended: false }
 */
export function createLifecycleLambda(
  env: Record<string, string | undefined>,
  clients: LifecycleClients = {},
): (event: unknown) => Promise<unknown> {
  const settings = readLifecycleSettings(env);
  const handlers = createLifecycleHandlers(lifecycleLambdaDeps(settings, clients));
  const handle = handlers[dispatch[settings.task]];
  return (event) => handle(event as LifecycleState);
}

let handle: ((event: unknown) => Promise<unknown>) | undefined;

/** The Lambda entry (`functions/lifecycle/src/lambda.ts`, export `handler`). */
export const handler = (event: unknown): Promise<unknown> => {
  handle ??= createLifecycleLambda(process.env);
  return handle(event);
};
