import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';

/** Temporary credentials, in the shape the AWS SDK's clients take. */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface NetworkCredentialsOptions {
  /** The role whose policy admits only resources tagged with the session's network. */
  roleArn: string;
  /** Seconds a session lasts (900–3600; the role's maximum is one hour). Default 3600. */
  durationSeconds?: number;
  /** A session is renewed this long before it expires. Default 5 minutes. */
  refreshBeforeMs?: number;
  now?: () => number;
}

/** The session tag the ABAC policy compares with each table's and key's `network` tag. */
export const NETWORK_SESSION_TAG = 'network';

/**
 * Credentials scoped to one network (ABAC, ADR 0011): AssumeRole of the network access role
 * with the session tag `network=<id>`, transitive so a chained role keeps it. A network's
 * session is kept until shortly before it expires, and concurrent requests for the same
 * network share one AssumeRole call.
 *
 * @example
 * const credentials = new NetworkCredentials(new STSClient({}), { roleArn });
 * const doc = createDocumentClient({ credentials: credentials.provider('kp-alliance-x1') });
 */
export class NetworkCredentials {
  private readonly sessions = new Map<string, Promise<TemporaryCredentials>>();
  private readonly durationSeconds: number;
  private readonly refreshBeforeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly sts: STSClient,
    private readonly options: NetworkCredentialsOptions,
  ) {
    if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(options?.roleArn ?? '')) {
      throw new Error(`NetworkCredentials: not a role ARN: ${JSON.stringify(options?.roleArn)}`);
    }
    this.durationSeconds = options.durationSeconds ?? 3600;
    this.refreshBeforeMs = options.refreshBeforeMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The network's credentials, from the cache while they are fresh. */
  async get(networkId: string): Promise<TemporaryCredentials> {
    if (!networkId) throw new Error('NetworkCredentials: no network');
    const cached = this.sessions.get(networkId);
    if (cached) {
      const credentials = await cached.catch(() => undefined);
      if (credentials && credentials.expiration.getTime() - this.refreshBeforeMs > this.now()) {
        return credentials;
      }
      // a failed or stale session is replaced once, by whichever caller gets here first
      if (this.sessions.get(networkId) === cached) this.sessions.delete(networkId);
    }
    let pending = this.sessions.get(networkId);
    if (!pending) {
      pending = this.assume(networkId);
      this.sessions.set(networkId, pending);
      pending.catch(() => {
        if (this.sessions.get(networkId) === pending) this.sessions.delete(networkId);
      });
    }
    return pending;
  }

  /** A credential provider for SDK clients that work for this network only. */
  provider(networkId: string): () => Promise<TemporaryCredentials> {
    return () => this.get(networkId);
  }

  private async assume(networkId: string): Promise<TemporaryCredentials> {
    const out = await this.sts.send(
      new AssumeRoleCommand({
        RoleArn: this.options.roleArn,
        // Names the network in CloudTrail; 64 characters at most.
        RoleSessionName: `sisi-api-${networkId}`.slice(0, 64),
        DurationSeconds: this.durationSeconds,
        Tags: [{ Key: NETWORK_SESSION_TAG, Value: networkId }],
        TransitiveTagKeys: [NETWORK_SESSION_TAG],
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new Error(`AssumeRole for network ${networkId} returned no credentials`);
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  }
}
