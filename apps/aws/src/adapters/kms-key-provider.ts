import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { DataError } from '@sisi/data';
import type { KeyContext, KeyProvider } from '@sisi/domain';

export interface KmsKeyProviderOptions {
  client: KMSClient;
  /** The network's customer-managed key, e.g. `(n) => \`alias/sisi-net-${n}\``. */
  keyIdFor(network: string): string;
}

/**
 * Data keys from KMS. The encryption context carries the network and purpose, so CloudTrail
 * shows which network each decryption served and a key policy can require it.
 *
 * @example
 * const keys = new KmsKeyProvider({ client: new KMSClient({}), keyIdFor: (n) => `alias/sisi-net-${n}` });
 */
export class KmsKeyProvider implements KeyProvider {
  constructor(private readonly options: KmsKeyProviderOptions) {}

  async generateDataKey(context: KeyContext) {
    const out = await this.options.client.send(
      new GenerateDataKeyCommand({
        KeyId: this.options.keyIdFor(context.network),
        KeySpec: 'AES_256',
        EncryptionContext: { network: context.network, purpose: context.purpose },
      }),
    );
    if (!out.Plaintext || !out.CiphertextBlob) throw new DataError('KMS returned no data key');
    return {
      plaintext: out.Plaintext,
      wrapped: `kms:${Buffer.from(out.CiphertextBlob).toString('base64')}`,
    };
  }

  async unwrapDataKey(wrapped: string, context: KeyContext) {
    if (!wrapped.startsWith('kms:')) throw new DataError('not a KMS-wrapped key');
    const out = await this.options.client.send(
      new DecryptCommand({
        KeyId: this.options.keyIdFor(context.network),
        CiphertextBlob: Buffer.from(wrapped.slice(4), 'base64'),
        EncryptionContext: { network: context.network, purpose: context.purpose },
      }),
    );
    if (!out.Plaintext) throw new DataError('KMS returned no plaintext');
    return out.Plaintext;
  }
}
