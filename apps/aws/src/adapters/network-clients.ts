import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, networkTableName } from '@sisi/data';
import type { KeyContext, KeyProvider } from '@sisi/domain';
import { KmsKeyProvider } from './kms-key-provider.ts';
import type { NetworkCredentials } from './network-credentials.ts';

export interface NetworkClientsOptions {
  tablePrefix: string;
  /** Per-network credentials (ABAC): the only credentials these clients ever use. */
  credentials: NetworkCredentials;
  /** Extra client settings (tests: region, endpoint). */
  clientConfig?: Pick<DynamoDBClientConfig, 'region' | 'endpoint' | 'maxAttempts'>;
}

interface Clients {
  doc: DynamoDBDocumentClient;
  keys: KmsKeyProvider;
}

/**
 * The SDK clients of each network, made once per network and kept for the life of the
 * Lambda instance: a DynamoDB document client for its table and a KMS key provider for its
 * key (`alias/<prefix>-net-<id>`, ADR 0009), both signing with that network's session-tagged
 * credentials. Nothing else in the API can reach a network table: the API's own role has
 * no permission on any.
 *
 * @example
 * const clients = new NetworkClients({ tablePrefix: 'sisi', credentials });
 * const { doc, table } = clients.table('kp-alliance-x1');
 */
export class NetworkClients implements KeyProvider {
  private readonly clients = new Map<string, Clients>();

  constructor(private readonly options: NetworkClientsOptions) {}

  private of(networkId: string): Clients {
    let clients = this.clients.get(networkId);
    if (!clients) {
      const config = {
        ...this.options.clientConfig,
        credentials: this.options.credentials.provider(networkId),
      };
      clients = {
        doc: createDocumentClient(config),
        keys: new KmsKeyProvider({
          client: new KMSClient(config),
          keyIdFor: (network) => `alias/${networkTableName(this.options.tablePrefix, network)}`,
        }),
      };
      this.clients.set(networkId, clients);
    }
    return clients;
  }

  /** The network's table name and a document client that may use it. */
  table(networkId: string): { doc: DynamoDBDocumentClient; table: string } {
    const table = networkTableName(this.options.tablePrefix, networkId);
    return { doc: this.of(networkId).doc, table };
  }

  generateDataKey(context: KeyContext) {
    return this.of(context.network).keys.generateDataKey(context);
  }

  unwrapDataKey(wrapped: string, context: KeyContext) {
    return this.of(context.network).keys.unwrapDataKey(wrapped, context);
  }
}
