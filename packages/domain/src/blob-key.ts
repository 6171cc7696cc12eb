/**
 * Keys of the `BlobStore` (uploaded photos): segments of letters, digits, `_` and `-`
 * joined by `/`, the first one a network id. Nothing else is a key, so no key can climb out
 * of its folder (`..`), start at the root or hide a separator of another system.
 */

const BLOB_KEY = /^[a-z0-9][a-z0-9-]{0,63}(\/[A-Za-z0-9_-]{1,64}){1,8}$/;

/**
 * Whether `key` is a blob key.
 *
 * @example isBlobKey('kp-net-x1/photos/m1/p1') // true
 * @example isBlobKey('kp-net-x1/../other') // false
 */
export const isBlobKey = (key: string): boolean => BLOB_KEY.test(key);

/**
 * The key of a mentorship's photo: under its network, so a network's uploads sit apart.
 *
 * @example photoBlobKey('kp-net-x1', 'm1', 'p1') // 'kp-net-x1/photos/m1/p1'
 */
export function photoBlobKey(networkId: string, mentorshipId: string, photoId: string): string {
  const key = `${networkId}/photos/${mentorshipId}/${photoId}`;
  if (!isBlobKey(key)) throw new RangeError(`not a blob key: ${key}`);
  return key;
}
