import { platformTable, platformTableName } from '@sisi/data';
import {
  ArnFormat,
  type CfnElement,
  CfnOutput,
  Duration,
  Fn,
  IgnoreMode,
  RemovalPolicy,
  Stack,
  type StackProps,
  Tags,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  Source as BuildSource,
  BuildSpec,
  ComputeType,
  LinuxArmBuildImage,
  Project,
} from 'aws-cdk-lib/aws-codebuild';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
} from 'aws-cdk-lib/aws-cognito';
import { type Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import {
  PolicyStatement,
  PrincipalWithConditions,
  Role,
  ServicePrincipal,
  SessionTagsPrincipal,
} from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  PhysicalResourceId,
} from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import type { SisiConfig } from './config.ts';
import { REPO_ROOT, sisiFunction } from './functions.ts';
import { acknowledge, retention } from './nag.ts';
import { NETWORK_TAG, names, ORIGIN_SECRET_HEADER, VIEWER_ADDRESS_HEADER } from './names.ts';
import { tableFromDefinition } from './tables.ts';

/** The roles of DOMAIN.md; each is a Cognito group, carried in the `cognito:groups` claim. */
export const ROLES = ['operator', 'network-admin', 'coordinator', 'member', 'donor'] as const;

/** What the provisioning build never uploads: installs, outputs and local data. */
const SOURCE_EXCLUDES = [
  '.git',
  'node_modules',
  '**/node_modules',
  'cdk.out',
  '**/cdk.out',
  '.sisi',
  '**/.sisi',
  '**/dist',
  'test-results',
  'coverage',
  '*.tsbuildinfo',
];

export interface PlatformStackProps extends StackProps {
  config: SisiConfig;
  /** The built SPA (`web/dist`, made by `pnpm build:web`). */
  spaDir: string;
}

/**
 * Everything shared by all networks: identity (Cognito), the API (HTTP API + one Lambda),
 * the platform table, the SPA (S3 + CloudFront), mail (SES), uploads, the donor rollup, and
 * the provisioning job that deploys a network stack when a network is onboarded.
 */
export class PlatformStack extends Stack {
  readonly apiRole: Role;
  readonly networkAccessRole: Role;
  readonly platformTable: Table;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { config } = props;
    const n = names(config.prefix);
    const logRetention = retention(config.logRetentionDays);
    Tags.of(this).add('app', 'sisi');

    // ---- storage -------------------------------------------------------------------------
    // The AWS-managed key: the lifecycle functions of every network read the directory,
    // and a customer-managed key would need a grant from each network stack.
    this.platformTable = tableFromDefinition(this, 'PlatformTable', platformTable, {
      tableName: platformTableName(config.prefix),
      encryption: TableEncryption.AWS_MANAGED,
    });

    const logs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with an ACL.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(config.logRetentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const uploads = new Bucket(this, 'Uploads', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'uploads/',
      lifecycleRules: [
        { noncurrentVersionExpiration: Duration.days(30) },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const spa = new Bucket(this, 'Spa', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'spa/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // ---- identity ------------------------------------------------------------------------
    const userPool = new UserPool(this, 'Users', {
      userPoolName: `${config.prefix}-users`,
      selfSignUpEnabled: false,
      // The username is Sisi's person id; people sign in with their email through the API,
      // which looks the id up in the directory (ADR 0002).
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        network: new StringAttribute({ mutable: true, maxLen: 64 }),
        organization: new StringAttribute({ mutable: true, maxLen: 64 }),
      },
      // The domain's rule (packages/domain passwordSchema): at least 12 characters, no
      // composition rules. Cognito must accept every password the API accepts, because
      // accepting an invitation uses it up before the password is set.
      passwordPolicy: {
        minLength: 12,
        requireLowercase: false,
        requireUppercase: false,
        requireDigits: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(7),
      },
      accountRecovery: AccountRecovery.NONE,
      mfa: Mfa.OFF,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const role of ROLES) {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: userPool.userPoolId,
        groupName: role,
        description: `Sisi role ${role}`,
      });
    }
    const client = userPool.addClient('ApiClient', {
      userPoolClientName: `${config.prefix}-api`,
      authFlows: { adminUserPassword: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // short-lived bearer tokens; a sign-in lasts through the API's own refresh family,
      // which holds Cognito's refresh token, for 30 days at most (ADR 0042)
      idTokenValidity: Duration.minutes(15),
      accessTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('network', 'organization'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    // ---- mail ----------------------------------------------------------------------------
    const configurationSet = new ConfigurationSet(this, 'Mail', {
      configurationSetName: n.mailConfigurationSet,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
    });
    const mailIdentity = new EmailIdentity(this, 'MailDomain', {
      identity: Identity.domain(config.mail.domain),
      configurationSet,
    });
    const sendMail = new PolicyStatement({
      sid: 'SendMail',
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [
        this.formatArn({ service: 'ses', resource: 'identity', resourceName: config.mail.domain }),
        this.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: configurationSet.configurationSetName,
        }),
      ],
    });

    // ---- the API -------------------------------------------------------------------------
    this.apiRole = new Role(this, 'ApiRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description:
        'Sisi API: the platform table directly, network tables only through NetworkAccessRole',
    });

    // ABAC (ADR 0011): the API reaches a network's table and key only with credentials of
    // this role, assumed per network with the session tag network=<id>. The policy admits
    // resources whose `network` tag equals the session's, so a bug naming another network's
    // table is refused by IAM, not by code.
    this.networkAccessRole = new Role(this, 'NetworkAccessRole', {
      roleName: n.networkAccessRole,
      description: 'Assumed by the Sisi API per network, with session tag network=<id>',
      maxSessionDuration: Duration.hours(1),
      assumedBy: new PrincipalWithConditions(new SessionTagsPrincipal(this.apiRole), {
        StringLike: { [`aws:RequestTag/${NETWORK_TAG}`]: '?*' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': [NETWORK_TAG] },
      }),
    });
    const sameNetwork = {
      [`aws:ResourceTag/${NETWORK_TAG}`]: `\${aws:PrincipalTag/${NETWORK_TAG}}`,
    };
    const networkTables = this.formatArn({
      service: 'dynamodb',
      resource: 'table',
      resourceName: n.networkTablePattern,
    });
    this.networkAccessRole.addToPolicy(
      new PolicyStatement({
        sid: 'OwnNetworkTable',
        actions: [
          'dynamodb:BatchGetItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:DeleteItem',
          'dynamodb:DescribeTable',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:UpdateItem',
        ],
        resources: [networkTables, `${networkTables}/index/*`],
        conditions: { StringEquals: sameNetwork },
      }),
    );
    const keys = this.formatArn({ service: 'kms', resource: 'key', resourceName: '*' });
    this.networkAccessRole.addToPolicy(
      new PolicyStatement({
        sid: 'OwnNetworkKeyThroughDynamoDB',
        actions: [
          'kms:Decrypt',
          'kms:Encrypt',
          'kms:GenerateDataKey*',
          'kms:ReEncrypt*',
          'kms:DescribeKey',
        ],
        resources: [keys],
        conditions: {
          StringEquals: {
            ...sameNetwork,
            'kms:ViaService': `dynamodb.${this.region}.amazonaws.com`,
          },
        },
      }),
    );
    // Envelope keys of confidential fields (ADR 0009): the encryption context must name the
    // session's network too, so a data key made for one network never opens another's text.
    this.networkAccessRole.addToPolicy(
      new PolicyStatement({
        sid: 'OwnNetworkFieldKeys',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [keys],
        conditions: {
          StringEquals: {
            ...sameNetwork,
            [`kms:EncryptionContext:${NETWORK_TAG}`]: `\${aws:PrincipalTag/${NETWORK_TAG}}`,
          },
        },
      }),
    );

    const lifecycleArnPrefix = this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: n.stateMachinePrefix,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const executions = this.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${n.stateMachinePrefix}*:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    const provisioningProjectArn = this.formatArn({
      service: 'codebuild',
      resource: 'project',
      resourceName: n.provisioningProject,
    });
    this.platformTable.grantReadWriteData(this.apiRole);
    this.apiRole.addToPolicy(sendMail);
    this.apiRole.addToPolicy(
      new PolicyStatement({
        sid: 'AssumeNetworkAccess',
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: [this.networkAccessRole.roleArn],
      }),
    );
    this.apiRole.addToPolicy(
      new PolicyStatement({
        sid: 'Identity',
        actions: [
          'cognito-idp:AdminAddUserToGroup',
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminDeleteUser',
          'cognito-idp:AdminDisableUser',
          'cognito-idp:AdminEnableUser',
          'cognito-idp:AdminInitiateAuth',
          'cognito-idp:AdminListGroupsForUser',
          'cognito-idp:AdminRemoveUserFromGroup',
          'cognito-idp:AdminSetUserPassword',
          'cognito-idp:AdminUpdateUserAttributes',
          'cognito-idp:AdminUserGlobalSignOut',
        ],
        resources: [userPool.userPoolArn],
      }),
    );
    this.apiRole.addToPolicy(
      new PolicyStatement({
        sid: 'StartProvisioning',
        actions: ['codebuild:StartBuild'],
        resources: [provisioningProjectArn],
      }),
    );
    this.apiRole.addToPolicy(
      new PolicyStatement({
        sid: 'LifecycleChains',
        actions: ['states:StartExecution'],
        resources: [`${lifecycleArnPrefix}*`],
      }),
    );
    this.apiRole.addToPolicy(
      new PolicyStatement({
        sid: 'StopLifecycleChains',
        actions: ['states:StopExecution'],
        resources: [executions],
      }),
    );
    this.apiRole.addToPolicy(
      new PolicyStatement({
        sid: 'Uploads',
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [uploads.arnForObjects('*')],
      }),
    );

    const apiFn = sisiFunction(this, 'ApiFunction', {
      entry: 'api',
      description: 'Sisi HTTP API (Hono)',
      role: this.apiRole,
      logRetention,
      memorySize: 1024,
      timeout: Duration.seconds(29),
      environment: {},
    });
    const httpApi = new HttpApi(this, 'Api', {
      apiName: `${config.prefix}-api`,
      description: 'Sisi API, reached through CloudFront at /api/v1',
      defaultIntegration: new HttpLambdaIntegration('ApiIntegration', apiFn),
      createDefaultStage: false,
    });
    const apiLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(this, 'ApiStage', {
      httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(apiLogs),
        // No path: invitation links carry their single-use token in it.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            status: '$context.status',
            bytes: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    // ---- the SPA -------------------------------------------------------------------------
    const spaRouter = new EdgeFunction(this, 'SpaRouter', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Client-side routes (no file extension) get index.html',
      code: FunctionCode.fromInline(
        [
          'function handler(event) {',
          '  var request = event.request;',
          "  var last = request.uri.split('/').pop();",
          "  if (last.indexOf('.') === -1) request.uri = '/index.html';",
          '  return request;',
          '}',
        ].join('\n'),
      ),
    });
    const securityHeaders = (csp: string | undefined) => ({
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
      ...(csp ? { contentSecurityPolicy: { contentSecurityPolicy: csp, override: true } } : {}),
    });
    const spaHeaders = new ResponseHeadersPolicy(this, 'SpaHeaders', {
      comment: 'Sisi SPA: security headers and a strict CSP',
      securityHeadersBehavior: securityHeaders(
        [
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          // photos come through the API (same origin), never straight from the bucket
          "img-src 'self' data: blob:",
          "connect-src 'self'",
          "font-src 'self'",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'",
        ].join('; '),
      ),
    });
    // The API sets its own Content-Security-Policy on every answer, the same as locally:
    // nothing allowed for JSON, a nonce-based one for its reference page (/api/v1/docs, a
    // pinned viewer with its hash). The SPA's CSP above is apps/local's SPA_CSP, strict.
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: 'Sisi API: security headers',
      securityHeadersBehavior: securityHeaders(undefined),
    });
    const apiDomain = `${httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`;
    // Who is knocking (ADR 0020): CloudFront's function writes the viewer's address over
    // whatever the client sent, and the origin adds a secret only CloudFront and the API
    // know, so the API believes that address only on requests that came through CloudFront.
    // (The managed all-viewer-except-Host policy forwards no CloudFront-* header, and one
    // that did would forward Host too, which API Gateway refuses.)
    const originSecret = new Secret(this, 'OriginSecret', {
      description: 'Sisi: the header CloudFront adds to API requests (ADR 0020)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const apiViewer = new EdgeFunction(this, 'ApiViewerAddress', {
      runtime: FunctionRuntime.JS_2_0,
      comment: "The viewer's address for the API's sign-in limits, over anything the client sent",
      code: FunctionCode.fromInline(
        [
          'function handler(event) {',
          '  var request = event.request;',
          `  request.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip };`,
          `  delete request.headers['${ORIGIN_SECRET_HEADER}'];`,
          '  return request;',
          '}',
        ].join('\n'),
      ),
    });
    const webAclArn = new AwsCustomResource(this, 'WebAclArn', {
      onUpdate: {
        service: 'SSM',
        action: 'getParameter',
        parameters: { Name: n.webAclArnParameter },
        region: 'us-east-1',
        physicalResourceId: PhysicalResourceId.of(n.webAclArnParameter),
      },
      policy: AwsCustomResourcePolicy.fromSdkCalls({
        resources: [
          this.formatArn({
            service: 'ssm',
            region: 'us-east-1',
            resource: 'parameter',
            resourceName: n.webAclArnParameter.slice(1),
          }),
        ],
      }),
      installLatestAwsSdk: false,
      logGroup: new LogGroup(this, 'WebAclArnLogs', {
        retention: logRetention,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    }).getResponseField('Parameter.Value');
    const distribution = new Distribution(this, 'Cdn', {
      comment: `Sisi (${config.prefix}): SPA and API`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(spa),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: spaHeaders,
        functionAssociations: [
          { function: spaRouter, eventType: FunctionEventType.VIEWER_REQUEST },
        ],
        compress: true,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(apiDomain, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
            // a dynamic reference, resolved by CloudFormation: the value is in no template
            customHeaders: { [ORIGIN_SECRET_HEADER]: originSecret.secretValue.unsafeUnwrap() },
          }),
          functionAssociations: [
            { function: apiViewer, eventType: FunctionEventType.VIEWER_REQUEST },
          ],
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Uncached, so the viewer's Authorization header may be forwarded.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiHeaders,
        },
      },
      // rate limits per viewer address and AWS's managed rules (the edge stack, us-east-1)
      webAclId: webAclArn,
      // Networks are in Africa, Asia and Latin America: every edge location.
      priceClass: PriceClass.PRICE_CLASS_ALL,
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(config.domain
        ? {
            // only a custom certificate can raise the viewer's minimum TLS version
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            domainNames: [config.domain.name],
            certificate: Certificate.fromCertificateArn(
              this,
              'Certificate',
              config.domain.certificateArn,
            ),
          }
        : {}),
    });
    const baseUrl = config.domain
      ? `https://${config.domain.name}`
      : `https://${distribution.distributionDomainName}`;
    new BucketDeployment(this, 'SpaFiles', {
      sources: [Source.asset(props.spaDir)],
      destinationBucket: spa,
      distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    new StringParameter(this, 'BaseUrl', {
      parameterName: n.baseUrlParameter,
      stringValue: baseUrl,
      description: 'Where Sisi is served; links in mail point here (read by network stacks)',
    });

    // ---- donor rollups -------------------------------------------------------------------
    const rollupRole = new Role(this, 'RollupRole', {
      roleName: n.rollupRole,
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description:
        'Sisi rollup: network streams (granted by each network stack) to the platform table',
    });
    const rollupFailures = new Queue(this, 'RollupFailures', {
      queueName: n.rollupFailureQueue,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    rollupFailures.grantSendMessages(rollupRole);
    this.platformTable.grantReadWriteData(rollupRole);
    sisiFunction(this, 'RollupFunction', {
      entry: 'rollup',
      functionName: n.rollupFunction,
      description: 'Sisi donor rollups: network table streams to platform aggregates',
      role: rollupRole,
      logRetention,
      timeout: Duration.seconds(60),
      environment: { SISI_TABLE_PREFIX: config.prefix },
    });

    // ---- provisioning --------------------------------------------------------------------
    // The source the platform was deployed from, so a network stack is always synthesized
    // by the same code and config as the platform it joins.
    const source = new Asset(this, 'Source', {
      path: REPO_ROOT,
      exclude: SOURCE_EXCLUDES,
      ignoreMode: IgnoreMode.GIT,
    });
    const buildKey = new Key(this, 'ProvisioningKey', {
      alias: `alias/${n.provisioningProject}`,
      description: 'Sisi provisioning builds: artifacts and logs',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const buildLogs = new LogGroup(this, 'ProvisioningLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const project = new Project(this, 'Provisioning', {
      projectName: n.provisioningProject,
      description: 'Deploys the network stack of a network onboarded through the API',
      source: BuildSource.s3({ bucket: source.bucket, path: source.s3ObjectKey }),
      environment: {
        buildImage: LinuxArmBuildImage.AMAZON_LINUX_2023_STANDARD_3_0,
        computeType: ComputeType.SMALL,
        privileged: false,
      },
      encryptionKey: buildKey,
      timeout: Duration.minutes(45),
      logging: { cloudWatch: { logGroup: buildLogs } },
      environmentVariables: {
        SISI_CONFIG: { value: JSON.stringify(config) },
        SISI_NETWORK_ID: { value: '' },
      },
      buildSpec: BuildSpec.fromObject({
        version: '0.2',
        env: { shell: 'bash' },
        phases: {
          install: {
            'runtime-versions': { nodejs: 20 },
            commands: ['npm install -g pnpm@12.21.0', 'pnpm install --frozen-lockfile'],
          },
          build: {
            commands: [
              'test -n "$SISI_NETWORK_ID" || { echo "SISI_NETWORK_ID is not set"; exit 1; }',
              `pnpm cdk deploy "${n.networkStack('$SISI_NETWORK_ID')}" --context network="$SISI_NETWORK_ID" --require-approval never --progress events`,
            ],
          },
        },
      }),
    });
    // `cdk deploy` works through the bootstrap roles (default qualifier), as a person would.
    project.addToRolePolicy(
      new PolicyStatement({
        sid: 'CdkBootstrapRoles',
        actions: ['sts:AssumeRole'],
        resources: [
          this.formatArn({
            service: 'iam',
            region: '',
            resource: 'role',
            resourceName: `cdk-hnb659fds-*-${this.account}-${this.region}`,
          }),
        ],
      }),
    );

    const statusFn = sisiFunction(this, 'ProvisioningStatus', {
      entry: 'provisioningEvents',
      description: 'Sisi: a provisioning build ended, so the network is active, or failed with why',
      logRetention,
      environment: { SISI_TABLE_PREFIX: config.prefix },
    });
    statusFn.addToRolePolicy(
      new PolicyStatement({
        sid: 'SetNetworkStatus',
        actions: ['dynamodb:UpdateItem'],
        resources: [this.platformTable.tableArn],
      }),
    );
    const statusFailures = new Queue(this, 'ProvisioningStatusFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    new Rule(this, 'ProvisioningEnded', {
      description: 'A provisioning build reached a final state',
      eventPattern: {
        source: ['aws.codebuild'],
        detailType: ['CodeBuild Build State Change'],
        detail: {
          'project-name': [project.projectName],
          'build-status': ['SUCCEEDED', 'FAILED', 'FAULT', 'STOPPED', 'TIMED_OUT'],
        },
      },
      targets: [
        new LambdaTarget(statusFn, {
          retryAttempts: 8,
          maxEventAge: Duration.hours(6),
          deadLetterQueue: statusFailures,
        }),
      ],
    });

    // ---- mail queued by requests (ADR 0023) -----------------------------------------------
    // The API sends each mail after its commit; this sends what it could not (SES failed,
    // or the Lambda ended in between) and takes over claims a sender left when it died.
    const mailQueueFn = sisiFunction(this, 'MailQueueFunction', {
      entry: 'mailQueue',
      description: 'Sisi: sends mail queued by requests that they could not send themselves',
      logRetention,
      // shorter than the 60 s claim lease, so a live sender's claim is never taken over
      timeout: Duration.seconds(50),
      environment: {
        SISI_TABLE_PREFIX: config.prefix,
        SISI_BASE_URL: baseUrl,
        SISI_MAIL_FROM: config.mail.from,
        SISI_SES_CONFIGURATION_SET: configurationSet.configurationSetName,
      },
    });
    mailQueueFn.addToRolePolicy(sendMail);
    mailQueueFn.addToRolePolicy(
      new PolicyStatement({
        sid: 'MailQueue',
        actions: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:UpdateItem'],
        resources: [this.platformTable.tableArn, `${this.platformTable.tableArn}/index/*`],
      }),
    );
    new Rule(this, 'MailQueueSchedule', {
      description: 'Sends queued mail every minute',
      schedule: Schedule.rate(Duration.minutes(1)),
      // a failed run is simply the next minute's
      targets: [new LambdaTarget(mailQueueFn, { retryAttempts: 0 })],
    });

    apiFn.addEnvironment('SISI_TABLE_PREFIX', config.prefix);
    apiFn.addEnvironment('SISI_BASE_URL', baseUrl);
    apiFn.addEnvironment('SISI_MAIL_FROM', config.mail.from);
    apiFn.addEnvironment('SISI_SES_CONFIGURATION_SET', configurationSet.configurationSetName);
    apiFn.addEnvironment('SISI_USER_POOL_ID', userPool.userPoolId);
    apiFn.addEnvironment('SISI_USER_POOL_CLIENT_ID', client.userPoolClientId);
    apiFn.addEnvironment('SISI_NETWORK_ACCESS_ROLE_ARN', this.networkAccessRole.roleArn);
    apiFn.addEnvironment('SISI_PROVISIONING_PROJECT', n.provisioningProject);
    apiFn.addEnvironment('SISI_LIFECYCLE_ARN_PREFIX', lifecycleArnPrefix);
    apiFn.addEnvironment('SISI_UPLOADS_BUCKET', uploads.bucketName);
    apiFn.addEnvironment('SISI_DONOR_THRESHOLD', String(config.donorThreshold));
    apiFn.addEnvironment('SISI_ORIGIN_SECRET', originSecret.secretValue.unsafeUnwrap());

    // ---- cdk-nag: what is accepted, and why -----------------------------------------------
    const arnOf = (construct: { node: { defaultChild?: unknown } }) =>
      `<${this.getLogicalId(construct.node.defaultChild as CfnElement)}.Arn>`;
    const platformIndexes = [
      `AwsSolutions-IAM5[Resource::${arnOf(this.platformTable)}/index/*]`,
      "the platform table's own index (GSI1: networks, network admins, due checkpoints)",
    ] as [string, string];
    const xray = [
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) have no resource-level permissions',
    ] as [string, string];
    acknowledge(this.apiRole, [
      platformIndexes,
      xray,
      [
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:stateMachine:${n.stateMachinePrefix}*]`,
        'one lifecycle state machine per network stack, deployed after the platform; the name prefix is the narrowest bound the platform can know',
      ],
      [
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${n.stateMachinePrefix}*:*]`,
        "stopping the executions of an ended mentorship in its network's state machine; execution names are only known at run time",
      ],
      [
        `AwsSolutions-IAM5[Resource::${arnOf(uploads)}/*]`,
        'object read/write in the uploads bucket only: keys are per network and photo, known at run time',
      ],
    ]);
    acknowledge(rollupRole, [platformIndexes, xray]);
    acknowledge(statusFn.role!, [xray]);
    acknowledge(mailQueueFn.role!, [platformIndexes, xray]);
    acknowledge(this.networkAccessRole, [
      [
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table/${n.networkTablePattern}]`,
        "ABAC: every network table, narrowed by the condition aws:ResourceTag/network = aws:PrincipalTag/network to the session's own",
      ],
      [
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table/${n.networkTablePattern}/index/*]`,
        "ABAC: the indexes of the session's own network table (same tag condition)",
      ],
      [
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:kms:<AWS::Region>:<AWS::AccountId>:key/*]',
        "ABAC: keys are created by network stacks after the platform; only the key tagged with the session's network matches",
      ],
      [
        'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        'what DynamoDB asks of the caller for a table under a customer-managed key (same as Table.grantReadWriteData), only through DynamoDB',
      ],
      [
        'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
        'what DynamoDB asks of the caller for a table under a customer-managed key (same as Table.grantReadWriteData), only through DynamoDB',
      ],
    ]);
    acknowledge(userPool, [
      [
        'AwsSolutions-COG1',
        "the policy is the domain's (12+ characters, no composition rules, as NIST SP 800-63B advises); Cognito must accept every password the API accepts",
      ],
      [
        'AwsSolutions-COG2',
        'MFA is not offered yet: many members sign in from shared or basic phones in low-connectivity settings; sign-in is limited per address, slowed per account and rate-limited at the edge (ADR 0020)',
      ],
      [
        'AwsSolutions-COG8',
        "the Plus plan's threat protection prices every active user; people sign in only through the API (admin auth flow), never to Cognito directly",
      ],
    ]);
    acknowledge(httpApi, [
      [
        'AwsSolutions-APIG4',
        'one Lambda serves the whole API: it verifies Cognito ID tokens itself (signature, issuer, audience, expiry) and has public routes by design (sign-in, invitations)',
      ],
    ]);
    acknowledge(distribution, [
      [
        'AwsSolutions-CFR1',
        'networks span Africa, Asia and Latin America; who may sign in is decided by invitation, not by country',
      ],
      ...(config.domain
        ? []
        : ([
            [
              'AwsSolutions-CFR4',
              'without a custom domain CloudFront serves its default certificate, whose minimum protocol cannot be raised; set `domain` in the config to get TLSv1.2_2021',
            ],
          ] as [string, string][])),
    ]);
    acknowledge(originSecret, [
      [
        'AwsSolutions-SMG4',
        'CloudFront and the API Lambda take the secret at deploy; rotating it is a redeploy of the platform stack, which replaces it in both at once (ADR 0020)',
      ],
    ]);
    // AwsCustomResource's one function per stack (aws-cdk-lib names it by this fixed id)
    const sdkCaller = this.node.findChild(
      `AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`,
    );
    acknowledge(sdkCaller, [
      [
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        "aws-cdk-lib's AwsCustomResource function (reads the web ACL's ARN from SSM in us-east-1 at deploy time): its role is made by aws-cdk-lib, with the basic execution policy for its logs",
      ],
    ]);
    for (const queue of [rollupFailures, statusFailures]) {
      acknowledge(queue, [
        ['AwsSolutions-SQS3', 'this queue is itself the dead-letter destination of failed events'],
      ]);
    }
    acknowledge(project, [
      [
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/cdk-hnb659fds-*-<AWS::AccountId>-<AWS::Region>]`,
        'cdk deploy assumes the bootstrap roles (deploy, file publishing, lookup) of this account and region, as a person deploying would',
      ],
      [
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/codebuild/<${this.getLogicalId(project.node.defaultChild as CfnElement)}>:*]`,
        "CodeBuild's default grant for the log streams of its own builds",
      ],
      [
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:codebuild:<AWS::Region>:<AWS::AccountId>:report-group/<${this.getLogicalId(project.node.defaultChild as CfnElement)}>-*]`,
        "CodeBuild's default grant for the report groups of its own builds",
      ],
      [
        'AwsSolutions-IAM5[Action::s3:GetObject*]',
        'reading the source asset from the CDK asset bucket',
      ],
      [
        'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        'reading the source asset from the CDK asset bucket',
      ],
      ['AwsSolutions-IAM5[Action::s3:List*]', 'reading the source asset from the CDK asset bucket'],
      [
        'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        'the build encrypts its own artifacts and logs with its project key',
      ],
      [
        'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
        'the build encrypts its own artifacts and logs with its project key',
      ],
    ]);
    const deployer = this.node.children.find((c) =>
      c.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (deployer) {
      const reason =
        "CDK's BucketDeployment (copies the built SPA into its bucket at deploy time); its function and role are made by aws-cdk-lib";
      acknowledge(deployer, [
        ['AwsSolutions-L1', `${reason}, with the Python runtime it is tested on`],
        [
          'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason,
        ],
        ['AwsSolutions-IAM5[Resource::*]', reason],
        ['AwsSolutions-IAM5[Action::s3:GetObject*]', reason],
        ['AwsSolutions-IAM5[Action::s3:GetBucket*]', reason],
        ['AwsSolutions-IAM5[Action::s3:List*]', reason],
        ['AwsSolutions-IAM5[Action::s3:DeleteObject*]', reason],
        ['AwsSolutions-IAM5[Action::s3:Abort*]', reason],
        [
          'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
          reason,
        ],
        [`AwsSolutions-IAM5[Resource::${arnOf(spa)}/*]`, reason],
      ]);
    }

    new CfnOutput(this, 'Url', { value: baseUrl, description: 'Sisi (SPA and /api/v1)' });
    new CfnOutput(this, 'CloudFrontDomain', { value: distribution.distributionDomainName });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'ProvisioningProject', { value: project.projectName });
    mailIdentity.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        value: Fn.join(' CNAME ', [record.name, record.value]),
        description: `DNS record ${i + 1} of 3 that verifies ${config.mail.domain} for SES`,
      });
    });
  }
}
