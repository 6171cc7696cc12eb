import { networkTable, networkTableName, platformTableName } from '@sisi/data';
import {
  type LifecyclePlaceholder,
  lifecycleDefinition,
  lifecyclePlaceholders,
} from '@sisi/workflows';
import {
  ArnFormat,
  type CfnElement,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Tags,
} from 'aws-cdk-lib';
import { type Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  EventSourceMapping,
  Function as LambdaFunction,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import {
  DefinitionBody,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { SisiConfig } from './config.ts';
import { sisiFunction } from './functions.ts';
import { acknowledge, retention } from './nag.ts';
import { NETWORK_TAG, names } from './names.ts';
import { tableFromDefinition } from './tables.ts';

export interface NetworkStackProps extends StackProps {
  config: SisiConfig;
  networkId: string;
}

/** The lifecycle Task a placeholder stands for (`RequestReviewFunctionArn` → `RequestReview`). */
export const taskOf = (placeholder: LifecyclePlaceholder): string =>
  placeholder.replace(/FunctionArn$/, '');

/**
 * One network (tenant): its table under its own customer-managed key, the lifecycle state
 * machine with its task functions, and the table's stream feeding the platform's rollup.
 * Every resource is tagged `network=<id>`; the API's per-network credentials reach the
 * table and key through that tag only (ADR 0011).
 */
export class NetworkStack extends Stack {
  readonly table: Table;
  readonly key: Key;
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);
    const { config, networkId } = props;
    const n = names(config.prefix);
    Tags.of(this).add(NETWORK_TAG, networkId);
    Tags.of(this).add('app', 'sisi');

    this.key = new Key(this, 'Key', {
      alias: n.networkKeyAlias(networkId),
      description: `Sisi network ${networkId}: its table, stream and confidential fields`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = tableFromDefinition(this, 'Table', networkTable, {
      tableName: networkTableName(config.prefix, networkId),
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
    });

    const platformTableArn = this.formatArn({
      service: 'dynamodb',
      resource: 'table',
      resourceName: platformTableName(config.prefix),
    });
    const stateMachineArn = this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: n.stateMachine(networkId),
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    // One role for the three Task functions: they run the same code on the same data.
    const taskRole = new Role(this, 'TaskRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Lifecycle tasks of network ${networkId}: its own table only`,
    });
    this.table.grantReadWriteData(taskRole);
    taskRole.addToPolicy(
      new PolicyStatement({
        sid: 'ReadPlatformDirectory',
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
        resources: [platformTableArn, `${platformTableArn}/index/*`],
      }),
    );
    taskRole.addToPolicy(
      new PolicyStatement({
        sid: 'SendReviewMail',
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          this.formatArn({
            service: 'ses',
            resource: 'identity',
            resourceName: config.mail.domain,
          }),
          this.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: n.mailConfigurationSet,
          }),
        ],
      }),
    );
    taskRole.addToPolicy(
      new PolicyStatement({
        sid: 'StartNextReview',
        actions: ['states:StartExecution'],
        resources: [stateMachineArn],
      }),
    );

    const baseUrl = StringParameter.valueForStringParameter(this, n.baseUrlParameter);
    const logRetention = retention(config.logRetentionDays);
    const functions = {} as Record<LifecyclePlaceholder, LambdaFunction>;
    for (const placeholder of lifecyclePlaceholders) {
      const task = taskOf(placeholder);
      const fn = sisiFunction(this, task, {
        entry: 'lifecycle',
        description: `Sisi lifecycle task ${task} of network ${networkId}`,
        role: taskRole,
        logRetention,
        timeout: Duration.seconds(60),
        environment: {
          SISI_LIFECYCLE_TASK: task,
          SISI_TABLE_PREFIX: config.prefix,
          SISI_BASE_URL: baseUrl,
          SISI_MAIL_FROM: config.mail.from,
          SISI_SES_CONFIGURATION_SET: n.mailConfigurationSet,
          SISI_STATE_MACHINE_ARN: stateMachineArn,
        },
      });
      functions[placeholder] = fn;
    }

    const machineLogs = new LogGroup(this, 'LifecycleLogs', {
      logGroupName: `/aws/vendedlogs/states/${n.stateMachine(networkId)}`,
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'Lifecycle', {
      stateMachineName: n.stateMachine(networkId),
      stateMachineType: StateMachineType.STANDARD,
      // The one ASL file of packages/workflows, inline; its Task resources are filled by
      // CloudFormation's DefinitionSubstitutions, as `substitute` does locally.
      definitionBody: DefinitionBody.fromString(JSON.stringify(lifecycleDefinition)),
      definitionSubstitutions: Object.fromEntries(
        lifecyclePlaceholders.map((p) => [p, functions[p].functionArn]),
      ),
      logs: { destination: machineLogs, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    for (const fn of Object.values(functions)) fn.grantInvoke(this.stateMachine);

    // The table's stream feeds the platform's rollup function (DESIGN.md: donor rollups),
    // which may also read this table's mentorships; it writes only the platform table.
    const rollupRole = Role.fromRoleName(this, 'RollupRole', n.rollupRole);
    const readStream = new Policy(this, 'RollupReadsStream', {
      roles: [rollupRole],
      statements: [
        new PolicyStatement({
          actions: [
            'dynamodb:DescribeStream',
            'dynamodb:GetRecords',
            'dynamodb:GetShardIterator',
            'dynamodb:ListStreams',
          ],
          resources: [this.table.tableStreamArn!],
        }),
        // The rollup reads the mentorships a record refers to (their start dates).
        new PolicyStatement({
          actions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem'],
          resources: [this.table.tableArn],
        }),
        new PolicyStatement({ actions: ['kms:Decrypt'], resources: [this.key.keyArn] }),
      ],
    });
    const rollup = LambdaFunction.fromFunctionAttributes(this, 'Rollup', {
      functionArn: this.formatArn({
        service: 'lambda',
        resource: 'function',
        resourceName: n.rollupFunction,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
      role: rollupRole,
      sameEnvironment: true,
    });
    const failures = Queue.fromQueueArn(
      this,
      'RollupFailures',
      this.formatArn({ service: 'sqs', resource: n.rollupFailureQueue }),
    );
    const mapping = new EventSourceMapping(this, 'RollupStream', {
      target: rollup,
      eventSourceArn: this.table.tableStreamArn!,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(5),
      bisectBatchOnError: true,
      retryAttempts: 10,
      maxRecordAge: Duration.days(1),
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(failures),
    });
    // CreateEventSourceMapping checks the function's role can read the stream.
    mapping.node.addDependency(readStream);

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'StateMachineArn', { value: this.stateMachine.stateMachineArn });

    const arnOf = (construct: { node: { defaultChild?: unknown } }) =>
      `<${this.getLogicalId(construct.node.defaultChild as CfnElement)}.Arn>`;
    const xray = [
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) have no resource-level permissions',
    ] as [string, string];
    const tableKey =
      "what DynamoDB asks of the caller for a table under a customer-managed key (Table.grantReadWriteData): this network's key only";
    acknowledge(taskRole, [
      xray,
      [
        `AwsSolutions-IAM5[Resource::${arnOf(this.table)}/index/*]`,
        "the indexes (GSI1, GSI2) of this network's own table",
      ],
      [
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table/${platformTableName(config.prefix)}/index/*]`,
        "read-only on the platform directory's index (the network's admins), to address review mail",
      ],
      ['AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', tableKey],
      ['AwsSolutions-IAM5[Action::kms:ReEncrypt*]', tableKey],
    ]);
    acknowledge(this.stateMachine, [
      [
        'AwsSolutions-IAM5[Resource::*]',
        'CloudWatch Logs delivery and X-Ray APIs of Step Functions have no resource-level permissions',
      ],
      ...lifecyclePlaceholders.map(
        (p) =>
          [
            `AwsSolutions-IAM5[Resource::${arnOf(functions[p])}:*]`,
            "invoking this network's own task function, any version (Function.grantInvoke)",
          ] as [string, string],
      ),
    ]);
  }
}
