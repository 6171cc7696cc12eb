import type {
  DonorRepository,
  FieldCipher,
  MailQueue,
  NetworkStore,
  PlatformRepository,
  RollupRepository,
} from '@sisi/data';
import type { BlobStore, TenantContext } from '@sisi/domain';
import type { WorkflowStarter } from '@sisi/workflows';
import type { ClientAddressSource } from './client-address.ts';
import type { LoginAttemptStore } from './login-limiter.ts';
import type { PersonAccess } from './person-access.ts';
import type { Clock, IdentityProvider, Mailer, Provisioner, TokenVerifier } from './ports.ts';

/** Local-only tools (`/dev/*`); absent on AWS, and then the routes do not exist. */
export interface DevTools {
  setClock(input: { advanceDays?: number; to?: string }): Promise<{ now: string }>;
  listOutbox(
    to?: string,
  ): Promise<
    { id: string; to: string; subject: string; text: string; html: string; sentAt: string }[]
  >;
}

/** Everything the API needs from the outside, chosen by a runtime's composition root. */
export interface ApiDeps {
  platform: PlatformRepository;
  /**
   * The one way to reach a network's data: its store, built per request from the verified
   * tenant context, never from a table name. Throws when the context has no network.
   *
   * @example const org = await deps.store(tenant).organizations.get(id);
   */
  store(tenant: Pick<TenantContext, 'networkId'>): NetworkStore;
  /** The donor rollups' aggregates (platform table). */
  rollups: RollupRepository;
  /** Donors, listed through their role markers (platform table). */
  donors: DonorRepository;
  clock: Clock;
  mailer: Mailer;
  /**
   * Mail decided inside a request: queued in the platform table in the request's own
   * transaction, sent after the commit and by the runtime's worker if that fails (ADR 0023).
   */
  mailQueue: MailQueue;
  provisioner: Provisioner;
  tokens: TokenVerifier;
  identity: IdentityProvider;
  /**
   * The revocation check's per-person record (status, `tokensValidAfter`, current roles),
   * cached ≤ 60 s per instance. Built by `createApp` from `platform` when absent (ADR 0031).
   */
  access?: PersonAccess;
  /** The sign-in limiter's state, shared by every instance (the platform table). */
  loginAttempts: LoginAttemptStore;
  /** Who is knocking: the runtime's peer address and the proxies it trusts (`clientAddress`). */
  clientAddress: ClientAddressSource;
  /** Where links in mail point, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /**
   * Mentorships' review lifecycles: a new mentorship's first execution is started here, an
   * ended one's chain stopped (Step Functions on AWS, the local runner otherwise).
   */
  workflows: WorkflowStarter;
  /**
   * Per-field envelope encryption of confidential text (coaching notes, learning logs, group
   * issues): KMS data keys on AWS, a key file locally.
   */
  cipher: FieldCipher;
  /**
   * Uploaded photos (already stripped of their metadata): S3 on AWS, files under
   * `SISI_DATA_DIR/uploads` locally.
   */
  blobs: BlobStore;
  /**
   * Donor view: cells counting fewer things than this are withheld (default 5; set per
   * deployment, `SISI_DONOR_THRESHOLD`).
   */
  donorThreshold?: number;
  /**
   * How long audit entries are kept, in days (default 400; set per deployment,
   * `SISI_AUDIT_RETENTION_DAYS`): each entry's `ttl`.
   */
  auditRetentionDays?: number;
  dev?: DevTools;
}

/** A caller inside a network: what `requireNetwork` returns, and what handlers pass on. */
export type NetworkTenant = TenantContext & { networkId: string };

/** The caller inside the path's network, and that network's storage (`network(c)`). */
export interface NetworkScope {
  tenant: NetworkTenant;
  store: NetworkStore;
}

export type AppEnv = {
  Variables: {
    tenant: TenantContext;
    /** The API's dependencies, set once per request by `createApp` (`depsOf(c)`). */
    deps: ApiDeps;
    /** The caller's network and its store, once checked (`network(c)` in route-kit.ts). */
    network?: NetworkScope;
  };
};
