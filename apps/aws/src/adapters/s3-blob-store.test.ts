import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { S3BlobStore } from './s3-blob-store.ts';

const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

const KEY = 'kp-net-x1/photos/m1/p1';
const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
const store = (kmsKeyId?: string) =>
  new S3BlobStore(new S3Client({ region: 'eu-west-1' }), { bucket: 'sisi-uploads', kmsKeyId });

describe('S3BlobStore', () => {
  it('puts the bytes with their content type, encrypted, and no metadata at all', async () => {
    s3.on(PutObjectCommand).resolves({});
    await store().put(KEY, bytes, 'image/jpeg');
    const calls = s3.commandCalls(PutObjectCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      Bucket: 'sisi-uploads',
      Key: KEY,
      Body: bytes,
      ContentType: 'image/jpeg',
      CacheControl: 'private, no-store',
      ServerSideEncryption: 'AES256',
    });
    expect(calls[0]!.args[0].input).not.toHaveProperty('Metadata');
    expect(calls[0]!.args[0].input).not.toHaveProperty('Tagging');
  });

  it('uses SSE-KMS with the key it is given', async () => {
    s3.on(PutObjectCommand).resolves({});
    await store('arn:aws:kms:eu-west-1:111122223333:key/abc').put(KEY, bytes, 'image/png');
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/abc',
    });
  });

  it('gets the bytes and content type back; a missing key is undefined', async () => {
    s3.on(GetObjectCommand, { Key: KEY }).resolves({
      // the SDK's stream body, as far as the store uses it
      Body: { transformToByteArray: async () => bytes } as never,
      ContentType: 'image/jpeg',
    });
    s3.on(GetObjectCommand, { Key: 'kp-net-x1/photos/m1/gone' }).rejects(
      new NoSuchKey({ message: 'gone', $metadata: {} }),
    );
    expect(await store().get(KEY)).toEqual({ bytes, contentType: 'image/jpeg' });
    expect(await store().get('kp-net-x1/photos/m1/gone')).toBeUndefined();
  });

  it('deletes by key', async () => {
    s3.on(DeleteObjectCommand).resolves({});
    await store().delete(KEY);
    expect(s3.commandCalls(DeleteObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'sisi-uploads',
      Key: KEY,
    });
  });

  it('refuses a key that is not a blob key, before calling S3', async () => {
    for (const key of ['../etc/passwd', 'kp-net-x1/../other', '/abs/key', 'kp-net-x1/a b', 'x']) {
      await expect(store().put(key, bytes, 'image/jpeg')).rejects.toThrow(/not a blob key/);
    }
    expect(s3.calls()).toHaveLength(0);
  });

  it('needs a bucket', () => {
    expect(() => new S3BlobStore(new S3Client({}), { bucket: '' })).toThrow(/bucket/);
  });
});
