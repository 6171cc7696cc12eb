import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import webpDecode, { init as initWebp } from '@jsquash/webp/decode.js';
import type { ImageType } from '@sisi/domain';
import { decode as decodePng } from 'fast-png';
import jpeg from 'jpeg-js';

/**
 * A photo is decoded before it is stored, so a file that only looks like an image (a valid
 * header over garbage) or one whose pixels would take gigabytes (65535×65535 declared in a
 * few bytes) is refused instead of reaching every viewer's browser (ADR 0024).
 */
export const MAX_PHOTO_PIXELS = 24_000_000;

/** Why an upload is not a photo Sisi keeps; its message reads after the field's name. */
export class ImageRejectedError extends Error {
  override name = 'ImageRejectedError';
}

const TOO_MANY = `must be at most ${MAX_PHOTO_PIXELS / 1_000_000} megapixels`;
const BROKEN = 'is not a complete image: it could not be decoded';

const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

/** The width and height a header declares, read before any pixel is decoded. */
function declaredSize(bytes: Uint8Array, type: ImageType): { width: number; height: number } {
  if (type === 'image/png') {
    // the IHDR chunk comes first, right after the signature
    if (bytes.length < 24) throw new ImageRejectedError(BROKEN);
    return { width: u32be(bytes, 16), height: u32be(bytes, 20) };
  }
  if (type === 'image/webp') {
    const chunk = String.fromCharCode(...bytes.subarray(12, 16));
    if (chunk === 'VP8X' && bytes.length >= 30) {
      return { width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
    }
    if (chunk === 'VP8L' && bytes.length >= 25) {
      const bits = bytes[21]! | (bytes[22]! << 8) | (bytes[23]! << 16) | (bytes[24]! << 24);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8 ' && bytes.length >= 30) {
      return {
        width: (bytes[26]! | (bytes[27]! << 8)) & 0x3fff,
        height: (bytes[28]! | (bytes[29]! << 8)) & 0x3fff,
      };
    }
    throw new ImageRejectedError(BROKEN);
  }
  // JPEG: jpeg-js checks its frame header against the limit before it allocates anything
  return { width: 0, height: 0 };
}

/** Node's global, which the project's type libraries leave out. */
const wasm = (
  globalThis as unknown as { WebAssembly: { compile(b: Uint8Array): Promise<unknown> } }
).WebAssembly;

let webpReady: Promise<void> | undefined;
/**
 * The WebP decoder is libwebp compiled to WebAssembly: its module is read from the package
 * in the embedded runtime and next to the bundle on Lambda (the bundler copies it there).
 */
function webpDecoder(): Promise<void> {
  webpReady ??= (async () => {
    let path: string | URL;
    try {
      path = createRequire(import.meta.url).resolve('@jsquash/webp/codec/dec/webp_dec.wasm');
    } catch {
      path = new URL('./webp_dec.wasm', import.meta.url);
    }
    const module = await wasm.compile(await readFile(path));
    // its types name the options form only; the module form is the one that reads no URL
    await (initWebp as unknown as (module: unknown) => Promise<void>)(module);
  })();
  return webpReady;
}

/**
 * Decodes the image whole, refusing one that declares more than `MAX_PHOTO_PIXELS` before
 * decoding it and one that does not decode. Returns its size.
 *
 * @throws ImageRejectedError
 */
export async function checkImage(
  bytes: Uint8Array,
  type: ImageType,
): Promise<{ width: number; height: number }> {
  const declared = declaredSize(bytes, type);
  if (declared.width * declared.height > MAX_PHOTO_PIXELS) throw new ImageRejectedError(TOO_MANY);
  try {
    if (type === 'image/jpeg') {
      const image = jpeg.decode(bytes, {
        useTArray: true,
        maxResolutionInMP: MAX_PHOTO_PIXELS / 1_000_000,
        maxMemoryUsageInMB: 512,
      });
      return { width: image.width, height: image.height };
    }
    if (type === 'image/png') {
      // every chunk's CRC checked; a zlib stream that does not inflate throws
      const image = decodePng(bytes, { checkCrc: true });
      return { width: image.width, height: image.height };
    }
    await webpDecoder();
    const image = await webpDecode(bytes.slice().buffer);
    return { width: image.width, height: image.height };
  } catch (error) {
    if (error instanceof ImageRejectedError) throw error;
    // jpeg-js says so when its frame header is over the limit
    if (error instanceof Error && /maxResolutionInMP|maxMemoryUsageInMB/.test(error.message)) {
      throw new ImageRejectedError(TOO_MANY);
    }
    throw new ImageRejectedError(BROKEN);
  }
}
