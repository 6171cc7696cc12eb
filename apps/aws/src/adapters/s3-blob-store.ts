import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { DataError } from '@sisi/data';
import { type Blob, type BlobStore, isBlobKey } from '@sisi/domain';

export interface S3BlobStoreOptions {
  /** The uploads bucket (`SISI_UPLOADS_BUCKET` in the API Lambda). */
  bucket: string;
  /** A KMS key for SSE-KMS; without it, S3-managed keys (SSE-S3, AES256). */
  kmsKeyId?: string | undefined;
}

/**
 * Uploaded photos in S3, the client injected. Objects are written encrypted at rest, with
 * their content type and nothing else: no user metadata (`x-amz-meta-*`), no tags, no
 * original file name — what a photo may carry is stripped before it gets here.
 *
 * @example
 * const blobs = new S3BlobStore(new S3Client({}), { bucket: process.env.SISI_UPLOADS_BUCKET! });
 * await blobs.put('kp-x/photos/m1/p1', bytes, 'image/jpeg');
 */
export class S3BlobStore implements BlobStore {
  constructor(
    private readonly client: S3Client,
    private readonly options: S3BlobStoreOptions,
  ) {
    if (!options.bucket) throw new Error('S3BlobStore: `bucket` is required');
  }

  private key(key: string): string {
    if (!isBlobKey(key)) throw new DataError(`not a blob key: ${JSON.stringify(key)}`);
    return key;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.key(key),
        Body: bytes,
        ContentType: contentType,
        CacheControl: 'private, no-store',
        ...(this.options.kmsKeyId
          ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: this.options.kmsKeyId }
          : { ServerSideEncryption: 'AES256' }),
      }),
    );
  }

  async get(key: string): Promise<Blob | undefined> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }),
      );
      if (!out.Body) return undefined;
      return {
        bytes: await out.Body.transformToByteArray(),
        contentType: out.ContentType ?? 'application/octet-stream',
      };
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }),
    );
  }
}
