/**
 * Port types shared by every runtime and every Lambda: the API, the lifecycle handlers and
 * the adapters (SES, SMTP, the outbox, the virtual clock) all speak these. Types only: the
 * domain stays free of I/O.
 */

/**
 * Time, so tests and demos can move it.
 *
 * @example
 * const fixed: Clock = { now: () => new Date('2026-04-15T08:00:00Z') };
 */
export interface Clock {
  now(): Date;
}

/** One file attached to a mail, e.g. an `.ics` invitation (`content` is the text itself). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * A mail as the templates build it: the same content as plain text and HTML.
 *
 * @example
 * const message: MailMessage = { to: 'ama@example.org', subject: 'Hi', text: 'Hi', html: '<p>Hi</p>' };
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Optional attachments, e.g. an `.ics` invitation. */
  attachments?: MailAttachment[];
}

/**
 * Sends mail: SES on AWS, SMTP or the on-disk outbox locally.
 *
 * @example
 * const { id } = await mailer.send(invitationMail({ … }));
 */
export interface Mailer {
  send(message: MailMessage): Promise<{ id: string }>;
  /**
   * A mailer that keeps what it sent (the local outbox) deletes every mail holding one of
   * `needles` (an erased person's name or email, matched as `pattern`); one that keeps
   * nothing (SES, SMTP) has no such method. Answers how many it deleted.
   */
  erase?(pattern: RegExp): Promise<number>;
}

/**
 * What a data key is bound to: KMS's encryption context on AWS, the wrapping's associated
 * data locally. A key made for one network cannot be unwrapped for another.
 */
export interface KeyContext {
  network: string;
  /** What the key protects, e.g. `coaching`. */
  purpose: string;
}

/**
 * Envelope keys for confidential fields: KMS on AWS (one customer-managed key per network),
 * a key file in the data folder locally. Only data keys cross this port; the master key
 * never leaves its side.
 *
 * @example
 * const { plaintext, wrapped } = await keys.generateDataKey({ network: 'kp-x', purpose: 'coaching' });
 * const again = await keys.unwrapDataKey(wrapped, { network: 'kp-x', purpose: 'coaching' });
 */
export interface KeyProvider {
  /** A fresh 256-bit data key: its plaintext, and the wrapped form stored beside the data. */
  generateDataKey(context: KeyContext): Promise<{ plaintext: Uint8Array; wrapped: string }>;
  /** The plaintext of a wrapped data key; fails when the context differs from the wrapping's. */
  unwrapDataKey(wrapped: string, context: KeyContext): Promise<Uint8Array>;
}

/** A stored file: its bytes and their content type. */
export interface Blob {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * Uploaded files (photos on a mentorship's timeline): S3 on AWS, files under
 * `SISI_DATA_DIR/uploads` locally. Keys are `isBlobKey` keys; an adapter refuses any other.
 * What is put is stored as given: metadata is stripped before, never by the store.
 *
 * @example
 * await blobs.put('kp-x/photos/m1/p1', bytes, 'image/jpeg');
 * const photo = await blobs.get('kp-x/photos/m1/p1'); // undefined when missing
 */
export interface BlobStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Blob | undefined>;
  /** Removes the file; a missing one is no error. */
  delete(key: string): Promise<void>;
}
