/**
 * Photos of mentoring meetings can expose people: a phone's photo carries where it was taken
 * (EXIF GPS), when, on which device, and sometimes names (IPTC, XMP). Key populations are
 * criminalized in many countries, so a photo's metadata is stripped before it is stored.
 *
 * Lossless: the compressed image data is copied byte for byte; only metadata segments and
 * chunks go. Each format keeps a short list of what a decoder needs (an allow list, so
 * metadata in a segment nobody thought of goes too):
 * - JPEG: every marker segment but APPn and COM; of the APPn, only APP0 (JFIF), APP2
 *   `ICC_PROFILE` (colours) and APP14 `Adobe` (colour transform). APP1 (Exif with its GPS
 *   IFD, XMP), APP13 (IPTC/Photoshop), MPF, COM and the rest go, and so does anything after
 *   the end marker. EXIF's Orientation alone is kept when it turns the picture (≠ 1): a new
 *   APP1 holding that one tag and nothing else, so phone photos stay upright.
 * - PNG: critical chunks and the ancillary chunks about pixels and colour (tRNS, gAMA, cHRM,
 *   sRGB, iCCP, sBIT, pHYs, bKGD, hIST, sPLT, cICP, mDCv, cLLi, APNG's acTL/fcTL/fdAT); tEXt,
 *   iTXt, zTXt, eXIf, tIME and any other chunk go.
 * - WebP: VP8, VP8L, VP8X, ALPH, ANIM, ANMF and ICCP; EXIF, XMP and others go, the VP8X
 *   flags for EXIF and XMP are cleared and the RIFF size is rewritten.
 *
 * The type is told by the bytes (magic numbers), never by a declared content type.
 */

export const imageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof imageTypes)[number];

/** The bytes are not a complete image of a type this module takes. */
export class ImageFormatError extends Error {
  override name = 'ImageFormatError';
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const ascii = (b: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...b.subarray(at, at + length));

/**
 * The image type the bytes are, by their magic number; `undefined` for anything else.
 *
 * @example sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) // 'image/jpeg'
 */
export function sniffImageType(b: Uint8Array): ImageType | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && PNG_SIGNATURE.every((v, i) => b[i] === v)) return 'image/png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    return 'image/webp';
  }
  return undefined;
}

export interface StrippedImage {
  bytes: Uint8Array;
  contentType: ImageType;
  /** What was taken out, e.g. `['APP1 Exif', 'COM']`: for tests and logs, never stored. */
  removed: string[];
}

/**
 * The image without its metadata. Throws `ImageFormatError` when the bytes are not a
 * complete JPEG, PNG or WebP image.
 *
 * @example
 * const { bytes, contentType } = stripImageMetadata(upload); // store `bytes`, never `upload`
 */
export function stripImageMetadata(bytes: Uint8Array): StrippedImage {
  const type = sniffImageType(bytes);
  switch (type) {
    case 'image/jpeg':
      return { contentType: type, ...stripJpeg(bytes) };
    case 'image/png':
      return { contentType: type, ...stripPng(bytes) };
    case 'image/webp':
      return { contentType: type, ...stripWebp(bytes) };
    default:
      throw new ImageFormatError('is not a JPEG, PNG or WebP image');
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ---- JPEG -------------------------------------------------------------------------------

const startsWith = (data: Uint8Array, text: string) => ascii(data, 0, text.length) === text;

/** Name of an APPn/COM segment for `removed`. */
function jpegSegmentName(marker: number, data: Uint8Array): string {
  if (marker === 0xfe) return 'COM';
  const n = marker - 0xe0;
  if (marker === 0xe1 && startsWith(data, 'Exif\0')) return 'APP1 Exif';
  if (marker === 0xe1 && startsWith(data, 'http://ns.adobe.com/')) return 'APP1 XMP';
  if (marker === 0xed) return 'APP13 IPTC';
  return `APP${n}`;
}

/** Whether a marker segment stays: everything but APPn/COM, and the APPn a decoder needs. */
function keepJpegSegment(marker: number, data: Uint8Array): boolean {
  if (marker === 0xfe) return false;
  if (marker < 0xe0 || marker > 0xef) return true;
  if (marker === 0xe0) return true;
  if (marker === 0xe2) return startsWith(data, 'ICC_PROFILE\0');
  if (marker === 0xee) return startsWith(data, 'Adobe');
  return false;
}

/** Start-of-frame markers: C0–CF but DHT (C4), JPG (C8) and DAC (CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** EXIF's Orientation (tag 0x0112 in IFD0), if the APP1 Exif has a sound one. */
export function exifOrientation(data: Uint8Array): number | undefined {
  if (!startsWith(data, 'Exif\0\0') || data.length < 14) return undefined;
  const tiff = data.subarray(6);
  const order = ascii(tiff, 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const little = order === 'II';
  const u16 = (at: number) =>
    at + 2 > tiff.length
      ? undefined
      : little
        ? tiff[at]! | (tiff[at + 1]! << 8)
        : (tiff[at]! << 8) | tiff[at + 1]!;
  const u32 = (at: number) => {
    const hi = u16(little ? at + 2 : at);
    const lo = u16(little ? at : at + 2);
    return hi === undefined || lo === undefined ? undefined : hi * 0x10000 + lo;
  };
  if (u16(2) !== 42) return undefined;
  const ifd = u32(4);
  if (ifd === undefined) return undefined;
  const count = u16(ifd);
  if (count === undefined) return undefined;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value !== undefined && value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** An APP1 Exif segment holding only Orientation (big-endian TIFF, one IFD, one entry). */
export function orientationSegment(orientation: number): Uint8Array {
  // biome-ignore format: the bytes read better as the structure they are
  return new Uint8Array([
    0xff, 0xe1, 0x00, 0x22, // APP1, length 34
    0x45, 0x78, 0x69, 0x66, 0x00, 0x00, // "Exif\0\0"
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // "MM", 42, IFD0 at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, orientation >> 8, orientation & 0xff, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ]);
}

function stripJpeg(b: Uint8Array): { bytes: Uint8Array; removed: string[] } {
  const fail = (why: string): never => {
    throw new ImageFormatError(`is not a complete JPEG image: ${why}`);
  };
  const out: Uint8Array[] = [b.subarray(0, 2)];
  const removed: string[] = [];
  let orientation: number | undefined;
  let afterApp0 = 1; // where a new APP1 goes: after SOI, or after an APP0 that follows it
  let sof = false;
  let sos = false;
  let pos = 2;
  for (;;) {
    if (pos + 1 >= b.length) fail('it ends before its end marker');
    if (b[pos] !== 0xff) fail(`no marker at byte ${pos}`);
    while (b[pos + 1] === 0xff) pos++; // fill bytes
    const marker = b[pos + 1];
    if (marker === undefined) return fail('it ends before its end marker');
    if (marker === 0xd9) {
      out.push(b.subarray(pos, pos + 2));
      break; // anything after the end marker goes
    }
    if (marker === 0xd8) fail('a second start marker');
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(b.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    if (pos + 4 > b.length) fail('a segment is cut short');
    const length = (b[pos + 2]! << 8) | b[pos + 3]!;
    const end = pos + 2 + length;
    if (length < 2 || end > b.length) fail('a segment runs past the end');
    const data = b.subarray(pos + 4, end);
    if (keepJpegSegment(marker, data)) {
      out.push(b.subarray(pos, end));
      if (marker === 0xe0 && out.length === 2) afterApp0 = 2;
    } else {
      removed.push(jpegSegmentName(marker, data));
      if (marker === 0xe1 && orientation === undefined) orientation = exifOrientation(data);
    }
    if (isSof(marker)) sof = true;
    pos = end;
    if (marker === 0xda) {
      sos = true;
      // entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart
      let i = pos;
      while (i + 1 < b.length) {
        if (b[i] !== 0xff) {
          i++;
          continue;
        }
        const next = b[i + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) i += 2;
        else if (next === 0xff) i += 1;
        else break;
      }
      if (i + 1 >= b.length) fail('the image data has no end marker');
      out.push(b.subarray(pos, i));
      pos = i;
    }
  }
  if (!sof || !sos) fail('it has no image data');
  if (orientation !== undefined && orientation !== 1) {
    out.splice(afterApp0, 0, orientationSegment(orientation));
  }
  return { bytes: concat(out), removed };
}

// ---- PNG --------------------------------------------------------------------------------

const PNG_KEEP = new Set([
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'pHYs',
  'bKGD',
  'hIST',
  'sPLT',
  'cICP',
  'mDCv',
  'cLLi',
  'acTL',
  'fcTL',
  'fdAT',
]);

const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

function stripPng(b: Uint8Array): { bytes: Uint8Array; removed: string[] } {
  const fail = (why: string): never => {
    throw new ImageFormatError(`is not a complete PNG image: ${why}`);
  };
  const out: Uint8Array[] = [b.subarray(0, 8)];
  const removed: string[] = [];
  let pos = 8;
  let first = true;
  for (;;) {
    if (pos + 12 > b.length) fail('it ends before IEND');
    const length = u32be(b, pos);
    const type = ascii(b, pos + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) fail(`a chunk has no type at byte ${pos}`);
    const end = pos + 12 + length;
    if (end > b.length) fail(`chunk ${type} runs past the end`);
    if (first && type !== 'IHDR') fail('it does not start with IHDR');
    first = false;
    // a chunk whose type starts with a capital is critical: the image needs it
    const critical = type[0] === type[0]!.toUpperCase();
    if (critical || PNG_KEEP.has(type)) out.push(b.subarray(pos, end));
    else removed.push(type);
    pos = end;
    if (type === 'IEND') break;
  }
  return { bytes: concat(out), removed };
}

// ---- WebP -------------------------------------------------------------------------------

const WEBP_KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
/** VP8X flag bits: EXIF and XMP metadata present. */
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

const u32le = (b: Uint8Array, at: number) =>
  b[at]! + (b[at + 1]! << 8) + (b[at + 2]! << 16) + ((b[at + 3]! << 24) >>> 0);

function stripWebp(b: Uint8Array): { bytes: Uint8Array; removed: string[] } {
  const fail = (why: string): never => {
    throw new ImageFormatError(`is not a complete WebP image: ${why}`);
  };
  const riffEnd = 8 + u32le(b, 4);
  if (riffEnd > b.length) fail('it is shorter than its RIFF size');
  const chunks: Uint8Array[] = [];
  const removed: string[] = [];
  let image = false;
  let pos = 12;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) fail('a chunk is cut short');
    const type = ascii(b, pos, 4);
    const size = u32le(b, pos + 4);
    const end = pos + 8 + size + (size & 1);
    if (pos + 8 + size > riffEnd) fail(`chunk ${type.trim()} runs past the end`);
    const chunk = b.subarray(pos, Math.min(end, riffEnd));
    if (!WEBP_KEEP.has(type)) {
      removed.push(type.trim());
    } else if (type === 'VP8X') {
      if (size < 10) fail('VP8X is too short');
      const copy = chunk.slice();
      copy[8] = copy[8]! & ~(VP8X_EXIF | VP8X_XMP);
      chunks.push(copy);
    } else {
      chunks.push(chunk);
      if (type !== 'ICCP') image = true;
    }
    pos = end;
  }
  if (!image) fail('it has no image data');
  const body = concat(chunks);
  const size = 4 + body.length;
  const header = new Uint8Array(12);
  header.set(b.subarray(0, 4), 0);
  header.set([size & 0xff, (size >>> 8) & 0xff, (size >>> 16) & 0xff, (size >>> 24) & 0xff], 4);
  header.set(b.subarray(8, 12), 8);
  return { bytes: concat([header, body]), removed };
}
