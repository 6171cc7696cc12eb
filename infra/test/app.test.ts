import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { networkTable, networkTableName, platformTableName } from '@sisi/data';
import { lifecyclePlaceholders, substitute } from '@sisi/workflows';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsCustomResource } from 'aws-cdk-lib/custom-resources';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSisiApp } from '../src/app.ts';
import { parseConfig } from '../src/config.ts';
import { EDGE_RATES, RATE_WINDOW_SECONDS } from '../src/edge-stack.ts';
import { NODE_RUNTIME, REPO_ROOT } from '../src/functions.ts';
import { taskOf } from '../src/network-stack.ts';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are untyped JSON
type Json = Record<string, any>;

const NETWORKS = ['kp-alpha-a1b2c3', 'kp-beta-d4e5f6'];
const config = parseConfig({
  prefix: 'sisi',
  mail: { from: 'Sisi <no-reply@sisi.example.org>', domain: 'sisi.example.org' },
  networks: NETWORKS,
});
/** IAM's policy variable, written out (not a template literal). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable
const PRINCIPAL_NETWORK = '${aws:PrincipalTag/network}';
const ASL_FILE = join(REPO_ROOT, 'packages/workflows/src/lifecycle.asl.json');

/** The logical id of AwsCustomResource's function (aws-cdk-lib's, one per stack). */
const AWS_SDK_CALLER = `AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`;

let outdir: string;
let edge: Json;
let edgeRegion: string;
let platform: Json;
const networks = new Map<string, Json>();
let report: Json;

/** Every statement of every IAM policy attached to the role with this logical id. */
function statementsOf(template: Json, roleLogicalId: string): Json[] {
  return Object.values(template.Resources as Record<string, Json>)
    .filter(
      (r) =>
        r.Type === 'AWS::IAM::Policy' &&
        (r.Properties.Roles as Json[]).some((role) => role.Ref === roleLogicalId),
    )
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Json[]);
}

const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);
const actionsOf = (s: Json): string[] => list(s.Action as string | string[]);
const resourcesOf = (s: Json): unknown[] => list(s.Resource);
const text = (value: unknown) => JSON.stringify(value);
const ofType = (template: Json, type: string): [string, Json][] =>
  Object.entries(template.Resources as Record<string, Json>).filter(([, r]) => r.Type === type);

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'sisi-cdk-'));
  // The built SPA when there is one; the synthesis only needs its folder.
  let spaDir = join(REPO_ROOT, 'web/dist');
  if (!existsSync(join(spaDir, 'index.html'))) {
    spaDir = join(outdir, 'spa');
    mkdirSync(spaDir);
    writeFileSync(join(spaDir, 'index.html'), '<!doctype html><title>Sisi</title>');
  }
  const { app } = buildSisiApp({
    app: new App({ outdir: join(outdir, 'cdk.out') }),
    config,
    networks: NETWORKS,
    spaDir,
  });
  // In memory, synthesis throws when a cdk-nag rule fails without an acknowledgement.
  const assembly = app.synth();
  const read = (name: string) => assembly.getStackByName(name).template as Json;
  platform = read('sisi-platform');
  edge = read('sisi-edge');
  edgeRegion = assembly.getStackByName('sisi-edge').environment.region;
  for (const id of NETWORKS) networks.set(id, read(`sisi-network-${id}`));
  report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'));
}, 180_000);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('network stacks', () => {
  it('give every network table PITR, deletion protection, its own KMS key and a stream', () => {
    for (const [id, json] of networks) {
      const template = Template.fromJSON(json);
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      const [keyId] = ofType(json, 'AWS::KMS::Key').map(([logicalId]) => logicalId);
      expect(keyId).toBeDefined();
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        Properties: {
          TableName: networkTableName('sisi', id),
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
          SSESpecification: {
            SSEEnabled: true,
            SSEType: 'KMS',
            KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
          },
          StreamSpecification: { StreamViewType: networkTable.stream },
          TimeToLiveSpecification: {
            AttributeName: networkTable.timeToLiveAttribute,
            Enabled: true,
          },
          KeySchema: [
            { AttributeName: networkTable.partitionKey, KeyType: 'HASH' },
            { AttributeName: networkTable.sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: networkTable.globalIndexes.map((index) =>
            Match.objectLike({
              IndexName: index.name,
              KeySchema: [
                { AttributeName: index.partitionKey, KeyType: 'HASH' },
                { AttributeName: index.sortKey, KeyType: 'RANGE' },
              ],
            }),
          ),
          Tags: Match.arrayWith([{ Key: 'network', Value: id }]),
        },
      });
      template.hasResource('AWS::KMS::Key', {
        DeletionPolicy: 'Retain',
        Properties: {
          EnableKeyRotation: true,
          Tags: Match.arrayWith([{ Key: 'network', Value: id }]),
        },
      });
      // the alias the field cipher uses (ADR 0009)
      template.hasResourceProperties('AWS::KMS::Alias', {
        AliasName: `alias/${networkTableName('sisi', id)}`,
        TargetKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      });
    }
  });

  it("let each network's task functions reach only their own table", () => {
    for (const [id, json] of networks) {
      const tasks = ofType(json, 'AWS::Lambda::Function').filter(
        ([, f]) => f.Properties.Environment?.Variables?.SISI_LIFECYCLE_TASK,
      );
      expect(tasks).toHaveLength(lifecyclePlaceholders.length);
      const [tableId] = ofType(json, 'AWS::DynamoDB::Table').map(([logicalId]) => logicalId);
      const [keyId] = ofType(json, 'AWS::KMS::Key').map(([logicalId]) => logicalId);
      const platformArn = `:table/${platformTableName('sisi')}`;
      for (const [, fn] of tasks) {
        expect(fn.Properties.Environment.Variables.SISI_TABLE_PREFIX).toBe('sisi');
        const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
        const statements = statementsOf(json, roleId);
        const dynamo = statements.filter((s) =>
          actionsOf(s).some((a) => a.startsWith('dynamodb:')),
        );
        expect(dynamo.length).toBeGreaterThan(0);
        for (const statement of dynamo) {
          for (const resource of resourcesOf(statement)) {
            const own = text(resource).includes(`"${tableId}"`);
            const directory = text(resource).includes(platformArn);
            // own table, or read-only on the platform directory; never a pattern, never another network
            expect(own || directory, text(resource)).toBe(true);
            if (directory) {
              expect(actionsOf(statement).every((a) => /:(Get|BatchGet|Query)/.test(a))).toBe(true);
            }
            expect(resource).not.toBe('*');
            expect(text(resource)).not.toMatch(/table\/sisi-net-|table\/\*/);
            for (const other of NETWORKS.filter((n) => n !== id)) {
              expect(text(resource)).not.toContain(other);
            }
          }
        }
        for (const statement of statements.filter((s) =>
          actionsOf(s).some((a) => a.startsWith('kms:')),
        )) {
          expect(resourcesOf(statement)).toEqual([{ 'Fn::GetAtt': [keyId, 'Arn'] }]);
        }
      }
    }
  });

  it('run the lifecycle from the ASL file of packages/workflows, every Task on its own function', () => {
    const file = JSON.parse(readFileSync(ASL_FILE, 'utf8'));
    for (const [id, json] of networks) {
      const [[, machine]] = ofType(json, 'AWS::StepFunctions::StateMachine') as [[string, Json]];
      const props = machine.Properties;
      expect(props.StateMachineName).toBe(`sisi-lifecycle-${id}`);
      expect(props.StateMachineType).toBe('STANDARD');
      const definition = JSON.parse(props.DefinitionString as string);
      expect(definition).toEqual(file);
      // CloudFormation fills ${Name} from DefinitionSubstitutions: do the same with each
      // function's logical id and compare with the file filled the same way.
      const substitutions = props.DefinitionSubstitutions as Record<string, Json>;
      expect(Object.keys(substitutions).sort()).toEqual([...lifecyclePlaceholders].sort());
      const byLogicalId = Object.fromEntries(
        Object.entries(substitutions).map(([name, ref]) => {
          expect(ref['Fn::GetAtt'][1]).toBe('Arn');
          return [name, `fn:${ref['Fn::GetAtt'][0]}`];
        }),
      );
      expect(substitute(definition, byLogicalId)).toEqual(substitute(file, byLogicalId));
      for (const placeholder of lifecyclePlaceholders) {
        const fnId = substitutions[placeholder]!['Fn::GetAtt'][0] as string;
        const fn = json.Resources[fnId];
        expect(fn.Type).toBe('AWS::Lambda::Function');
        expect(fn.Properties.Environment.Variables.SISI_LIFECYCLE_TASK).toBe(taskOf(placeholder));
        expect(text(fn.Properties.Environment.Variables.SISI_STATE_MACHINE_ARN)).toContain(
          `stateMachine:sisi-lifecycle-${id}`,
        );
      }
      expect(props.LoggingConfiguration.Level).toBe('ALL');
      expect(props.TracingConfiguration).toEqual({ Enabled: true });
    }
  });

  it("feed the table's stream to the platform's rollup function, failures kept in a queue", () => {
    for (const json of networks.values()) {
      const [tableId] = ofType(json, 'AWS::DynamoDB::Table').map(([logicalId]) => logicalId);
      Template.fromJSON(json).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
        StartingPosition: 'TRIM_HORIZON',
        BisectBatchOnFunctionError: true,
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
      const mapping = ofType(json, 'AWS::Lambda::EventSourceMapping')[0]![1];
      expect(text(mapping.Properties.FunctionName)).toContain('function:sisi-rollup');
      expect(text(mapping.Properties.DestinationConfig)).toContain('sisi-rollup-failures');
      // the rollup role (the platform's) is granted this table's stream and items, read-only
      const granted = ofType(json, 'AWS::IAM::Policy')
        .filter(([, p]) => (p.Properties.Roles as unknown[]).includes('sisi-rollup'))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
      const dynamo = granted.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo.flatMap(actionsOf).sort()).toEqual([
        'dynamodb:BatchGetItem',
        'dynamodb:DescribeStream',
        'dynamodb:GetItem',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
      ]);
      for (const resource of dynamo.flatMap(resourcesOf)) {
        expect(text(resource)).toContain(`"${tableId}"`);
      }
      expect(mapping.DependsOn).toEqual(
        expect.arrayContaining([expect.stringMatching(/^RollupReadsStream/)]),
      );
    }
  });
});

describe('isolation by construction (ABAC)', () => {
  const roleIdBySid = (sid: string) =>
    ofType(platform, 'AWS::IAM::Policy').find(([, p]) =>
      (p.Properties.PolicyDocument.Statement as Json[]).some((s) => s.Sid === sid),
    )![1].Properties.Roles[0].Ref as string;

  it('gives the API role no permission on any network table', () => {
    const apiRole = roleIdBySid('AssumeNetworkAccess');
    const [tableId] = ofType(platform, 'AWS::DynamoDB::Table').map(([logicalId]) => logicalId);
    for (const statement of statementsOf(platform, apiRole)) {
      if (!actionsOf(statement).some((a) => a.startsWith('dynamodb:') || a.startsWith('kms:')))
        continue;
      for (const resource of resourcesOf(statement)) {
        expect(text(resource)).toContain(`"${tableId}"`);
      }
    }
  });

  it('reaches network tables and keys only through a role assumed with a network session tag', () => {
    const accessRoleId = roleIdBySid('OwnNetworkTable');
    const role = platform.Resources[accessRoleId];
    const trust = role.Properties.AssumeRolePolicyDocument.Statement as Json[];
    expect(trust).toHaveLength(1);
    expect(trust[0]!.Action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(trust[0]!.Principal.AWS).toEqual({
      'Fn::GetAtt': [roleIdBySid('AssumeNetworkAccess'), 'Arn'],
    });
    expect(trust[0]!.Condition).toEqual({
      StringLike: { 'aws:RequestTag/network': '?*' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['network'] },
    });
    const statements = statementsOf(platform, accessRoleId);
    expect(statements.map((s) => s.Sid).sort()).toEqual(
      ['OwnNetworkFieldKeys', 'OwnNetworkKeyThroughDynamoDB', 'OwnNetworkTable'].sort(),
    );
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      expect(statement.Condition.StringEquals['aws:ResourceTag/network']).toBe(PRINCIPAL_NETWORK);
    }
    const fieldKeys = statements.find((s) => s.Sid === 'OwnNetworkFieldKeys')!;
    expect(fieldKeys.Condition.StringEquals['kms:EncryptionContext:network']).toBe(
      PRINCIPAL_NETWORK,
    );
    const table = statements.find((s) => s.Sid === 'OwnNetworkTable')!;
    expect(text(table.Resource)).toContain(':table/sisi-net-*');
  });
});

describe('platform stack', () => {
  const template = () => Template.fromJSON(platform);

  it('runs every function of ours on the newest Node runtime, arm64, traced, with log retention', () => {
    const stacks = [platform, ...networks.values()];
    let ours = 0;
    for (const json of stacks) {
      for (const [id, fn] of ofType(json, 'AWS::Lambda::Function')) {
        if (!String(fn.Properties.Runtime).startsWith('nodejs')) continue;
        if (id.startsWith(AWS_SDK_CALLER)) continue; // aws-cdk-lib's, not ours
        expect(id).not.toMatch(/^AWS[0-9a-f]{32}/);
        ours++;
        expect(fn.Properties.Runtime).toBe(NODE_RUNTIME.name);
        expect(fn.Properties.Architectures).toEqual(['arm64']);
        expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
        expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
      }
      for (const [, group] of ofType(json, 'AWS::Logs::LogGroup')) {
        expect(group.Properties.RetentionInDays).toBe(90);
      }
    }
    // api, rollup, provisioning status, mail queue; three Tasks per network
    expect(ours).toBe(4 + NETWORKS.length * lifecyclePlaceholders.length);
  });

  it('has the Cognito pool the local issuer mimics: custom network and organization, a group per role', () => {
    const t = template();
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'network', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'organization', AttributeDataType: 'String', Mutable: true }),
      ]),
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    for (const role of ['operator', 'network-admin', 'coordinator', 'member', 'donor']) {
      t.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
    }
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_ADMIN_USER_PASSWORD_AUTH']),
      ReadAttributes: Match.arrayWith(['custom:network', 'custom:organization', 'email', 'name']),
    });
  });

  it('serves the SPA from a private bucket through CloudFront (OAC, security headers) and /api/* from the HTTP API', () => {
    const t = template();
    t.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    t.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({
            ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'"),
          }),
          StrictTransportSecurity: Match.objectLike({ IncludeSubdomains: true }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
        }),
      },
    });
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' }),
        ],
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
    for (const [, bucket] of ofType(platform, 'AWS::S3::Bucket')) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
  });

  it('gives the API the uploads bucket (object read/write only) and every setting its Lambda reads', () => {
    const [[uploadsId]] = ofType(platform, 'AWS::S3::Bucket').filter(([id]) =>
      id.startsWith('Uploads'),
    ) as [[string, Json]];
    const [, api] = ofType(platform, 'AWS::Lambda::Function').find(
      ([, f]) => f.Properties.Environment?.Variables?.SISI_USER_POOL_ID,
    )!;
    const env = api.Properties.Environment.Variables;
    expect(env.SISI_UPLOADS_BUCKET).toEqual({ Ref: uploadsId });
    for (const name of [
      'SISI_TABLE_PREFIX',
      'SISI_BASE_URL',
      'SISI_MAIL_FROM',
      'SISI_SES_CONFIGURATION_SET',
      'SISI_USER_POOL_CLIENT_ID',
      'SISI_NETWORK_ACCESS_ROLE_ARN',
      'SISI_PROVISIONING_PROJECT',
      'SISI_LIFECYCLE_ARN_PREFIX',
    ]) {
      expect(env[name], name).toBeDefined();
    }
    const apiRoleId = api.Properties.Role['Fn::GetAtt'][0] as string;
    const s3 = statementsOf(platform, apiRoleId).filter((s) =>
      actionsOf(s).some((a) => a.startsWith('s3:')),
    );
    expect(s3).toHaveLength(1);
    expect(actionsOf(s3[0]!).sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
    expect(text(s3[0]!.Resource)).toContain(uploadsId);
  });

  it('provisions a network with CodeBuild and records how the build ended', () => {
    const t = template();
    t.hasResourceProperties('AWS::CodeBuild::Project', {
      Name: 'sisi-provision-network',
      Environment: Match.objectLike({
        EnvironmentVariables: Match.arrayWith([Match.objectLike({ Name: 'SISI_NETWORK_ID' })]),
      }),
    });
    const [[, rule]] = ofType(platform, 'AWS::Events::Rule').filter(
      ([, r]) => r.Properties.EventPattern,
    ) as [[string, Json]];
    expect(rule.Properties.EventPattern).toMatchObject({
      source: ['aws.codebuild'],
      'detail-type': ['CodeBuild Build State Change'],
      detail: { 'build-status': expect.arrayContaining(['SUCCEEDED', 'FAILED']) },
    });
    const targetId = rule.Properties.Targets[0].Arn['Fn::GetAtt'][0] as string;
    expect(platform.Resources[targetId].Properties.Handler).toBe('index.handler');
    const role = platform.Resources[targetId].Properties.Role['Fn::GetAtt'][0] as string;
    expect(
      statementsOf(platform, role).some((s) => actionsOf(s).includes('dynamodb:UpdateItem')),
    ).toBe(true);
  });
});

describe('the mail queue', () => {
  it('runs its worker every minute with SES and the platform table, in less time than the claim lease', () => {
    const [[, rule]] = ofType(platform, 'AWS::Events::Rule').filter(
      ([, r]) => r.Properties.ScheduleExpression,
    ) as [[string, Json]];
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 minute)');
    const targetId = rule.Properties.Targets[0].Arn['Fn::GetAtt'][0] as string;
    const fn = platform.Resources[targetId].Properties;
    expect(fn.Timeout).toBeLessThan(60);
    for (const name of ['SISI_TABLE_PREFIX', 'SISI_BASE_URL', 'SISI_MAIL_FROM']) {
      expect(fn.Environment.Variables[name], name).toBeDefined();
    }
    const actions = statementsOf(platform, fn.Role['Fn::GetAtt'][0] as string).flatMap(actionsOf);
    expect(actions).toEqual(
      expect.arrayContaining(['ses:SendEmail', 'dynamodb:Query', 'dynamodb:UpdateItem']),
    );
    expect(actions.some((a) => a === 'dynamodb:DeleteItem' || a === 'dynamodb:Scan')).toBe(false);
  });
});

describe('edge stack (us-east-1)', () => {
  it("puts CloudFront's web ACL in us-east-1: rate rules per viewer address and AWS's managed rules", () => {
    expect(edgeRegion).toBe('us-east-1');
    const t = Template.fromJSON(edge);
    t.resourceCountIs('AWS::WAFv2::WebACL', 1);
    const [[, acl]] = ofType(edge, 'AWS::WAFv2::WebACL') as [[string, Json]];
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    expect(acl.Properties.DefaultAction).toEqual({ Allow: {} });
    const rules = acl.Properties.Rules as Json[];
    const rate = (name: string) => rules.find((r) => r.Name === name)!;
    for (const [name, limit, path] of [
      ['LoginRate', EDGE_RATES.login, '/api/v1/auth/login'],
      ['InvitationRate', EDGE_RATES.invitations, '/api/v1/invitations/'],
      ['ApiRate', EDGE_RATES.api, '/api/'],
    ] as const) {
      const statement = rate(name).Statement.RateBasedStatement;
      expect(statement, name).toMatchObject({
        AggregateKeyType: 'IP',
        Limit: limit,
        EvaluationWindowSec: RATE_WINDOW_SECONDS,
      });
      expect(statement.ScopeDownStatement.ByteMatchStatement.SearchString).toBe(path);
      expect(rate(name).Action).toEqual({ Block: { CustomResponse: { ResponseCode: 429 } } });
    }
    // the sign-in rule is looked at first: a flood of sign-ins is braked however it comes
    expect(rate('LoginRate').Priority).toBe(0);
    const common = rate('AWSManagedRulesCommonRuleSet').Statement.ManagedRuleGroupStatement;
    expect(common.VendorName).toBe('AWS');
    // photo uploads are bodies of up to 5 MB: that one rule only counts
    expect(common.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
    expect(rate('AWSManagedRulesKnownBadInputsRuleSet')).toBeDefined();
    t.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/sisi/edge/web-acl-arn',
      Value: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
    });
  });

  it('attaches it to the distribution through the ARN the platform reads from us-east-1 at deploy time', () => {
    const [[readerId, reader]] = ofType(platform, 'Custom::AWS') as [[string, Json]];
    // the SDK call is JSON text in the template
    expect(text(reader.Properties.Update)).toContain('/sisi/edge/web-acl-arn');
    expect(text(reader.Properties.Update)).toContain('us-east-1');
    const [[, distribution]] = ofType(platform, 'AWS::CloudFront::Distribution') as [
      [string, Json],
    ];
    expect(distribution.Properties.DistributionConfig.WebACLId).toEqual({
      'Fn::GetAtt': [readerId, 'Parameter.Value'],
    });
    // it may read that one parameter, nothing else
    const policies = ofType(platform, 'AWS::IAM::Policy').filter(([, p]) =>
      text(p.Properties.PolicyDocument).includes('ssm:GetParameter'),
    );
    expect(policies).toHaveLength(1);
    expect(text(policies[0]![1].Properties.PolicyDocument)).toContain(':ssm:us-east-1:');
    expect(text(policies[0]![1].Properties.PolicyDocument)).toContain(
      ':parameter/sisi/edge/web-acl-arn',
    );
  });

  it("sends the API the viewer's address and a secret only CloudFront knows, never written into a template", () => {
    const [[secretId]] = ofType(platform, 'AWS::SecretsManager::Secret') as [[string, Json]];
    const [[, distribution]] = ofType(platform, 'AWS::CloudFront::Distribution') as [
      [string, Json],
    ];
    const config = distribution.Properties.DistributionConfig;
    const apiOrigin = (config.Origins as Json[]).find((o) => o.CustomOriginConfig)!;
    const header = (apiOrigin.OriginCustomHeaders as Json[])[0]!;
    expect(header.HeaderName).toBe('x-sisi-origin-secret');
    // a dynamic reference to the generated secret, resolved by CloudFormation at deploy
    expect(text(header.HeaderValue)).toContain('{{resolve:secretsmanager:');
    expect(text(header.HeaderValue)).toContain(secretId);
    const [, api] = ofType(platform, 'AWS::Lambda::Function').find(
      ([, f]) => f.Properties.Environment?.Variables?.SISI_USER_POOL_ID,
    )!;
    expect(api.Properties.Environment.Variables.SISI_ORIGIN_SECRET).toEqual(header.HeaderValue);
    // /api/* runs the function that writes the viewer's address over the client's
    const behavior = (config.CacheBehaviors as Json[]).find((b) => b.PathPattern === '/api/*')!;
    const association = (behavior.FunctionAssociations as Json[])[0]!;
    expect(association.EventType).toBe('viewer-request');
    const functionId = association.FunctionARN['Fn::GetAtt'][0] as string;
    const code = platform.Resources[functionId].Properties.FunctionCode as string;
    expect(code).toContain("request.headers['x-sisi-viewer-address'] = { value: event.viewer.ip }");
    expect(code).toContain("delete request.headers['x-sisi-origin-secret']");
  });
});

describe('cdk-nag', () => {
  it('has no finding left unacknowledged in any stack, error or warning', () => {
    const open = (report.pluginReports as Json[]).flatMap((plugin) =>
      (plugin.violations as Json[])
        .filter((v) => plugin.pluginName !== 'CloudFormation Validate' || v.severity !== 'info')
        .map((v) => `${plugin.pluginName}: ${v.ruleName} ${v.description}`),
    );
    expect(open).toEqual([]);
  });

  it('does report a finding nobody acknowledged (the check is live)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sisi-nag-'));
    try {
      const app = new App({ outdir: dir });
      new Bucket(new Stack(app, 'Careless'), 'Open');
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
