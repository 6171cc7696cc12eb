import { randomBytes } from 'node:crypto';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { KmsKeyProvider } from './kms-key-provider.ts';

describe('KmsKeyProvider', () => {
  it("asks the network's key for a data key with the network and purpose as context", async () => {
    const kms = mockClient(KMSClient);
    const plaintext = new Uint8Array(randomBytes(32));
    kms
      .on(GenerateDataKeyCommand)
      .resolves({ Plaintext: plaintext, CiphertextBlob: Uint8Array.from([1, 2, 3]) });
    kms.on(DecryptCommand).resolves({ Plaintext: plaintext });
    const keys = new KmsKeyProvider({
      client: new KMSClient({ region: 'eu-west-1' }),
      keyIdFor: (n) => `alias/sisi-net-${n}`,
    });
    const context = { network: 'kp-one', purpose: 'coaching' };
    const made = await keys.generateDataKey(context);
    expect(made.wrapped).toBe(`kms:${Buffer.from([1, 2, 3]).toString('base64')}`);
    expect(await keys.unwrapDataKey(made.wrapped, context)).toEqual(plaintext);

    const generate = kms.commandCalls(GenerateDataKeyCommand)[0]?.args[0].input;
    expect(generate).toEqual({
      KeyId: 'alias/sisi-net-kp-one',
      KeySpec: 'AES_256',
      EncryptionContext: { network: 'kp-one', purpose: 'coaching' },
    });
    const decrypt = kms.commandCalls(DecryptCommand)[0]?.args[0].input;
    expect(decrypt?.KeyId).toBe('alias/sisi-net-kp-one');
    expect(decrypt?.EncryptionContext).toEqual({ network: 'kp-one', purpose: 'coaching' });
    expect(Buffer.from(decrypt?.CiphertextBlob ?? []).toJSON().data).toEqual([1, 2, 3]);
    kms.restore();
  });
});
