/**
 * Real, tiny images (8×6 pixels, encoded by Chromium's canvas) and builders that load them
 * with the metadata a phone or a photo editor writes: an APP1 Exif with a GPS IFD, XMP,
 * IPTC and a comment in a JPEG; tEXt, iTXt, zTXt, eXIf and tIME in a PNG; EXIF and XMP in a
 * WebP. Every marker is text a test can look for in the stored bytes.
 */

const fromBase64 = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

/** A baseline JPEG with APP0 JFIF, APP2 ICC_PROFILE, DQT, SOF0, DHT, SOS, EOI. */
export const SAMPLE_JPEG = fromBase64(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAGAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAaEAACAgMAAAAAAAAAAAAAAAAAEgETAkFS/8QAFQEBAQAAAAAAAAAAAAAAAAAAAwf/xAAgEQEAAQMDBQAAAAAAAAAAAAABAgAEMQMRIRITMkFx/9oADAMBAAIRAxEAPwCWvK53ledAAKMSOKn1xdatz0d18QicBwYwG/13X21//9k=',
);

/** A PNG: IHDR, IDAT, IEND. */
export const SAMPLE_PNG = fromBase64(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAYAAAD+Bd/7AAAAPklEQVR4AYyMwQkAIAwDQ0dxBkdwp87gKs7gCO6kn1ZKH20DRyCEo7b4RhAkZ25YZMY/6OC7fug8YFFTangAAAD//yqmiCoAAAAGSURBVAMAVlIeHYB7ksgAAAAASUVORK5CYII=',
);

/** An extended WebP: VP8X (ICC flag set), ICCP, VP8. */
export const SAMPLE_WEBP = fromBase64(
  'UklGRjQCAABXRUJQVlA4WAoAAAAgAAAABwAABQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggRgAAAPABAJ0BKggABgABQCYlsAJ0Mpu/oASgAAD+zYsA10/9ZVArPXRX6auEMpfe19YP/IV/pGs/q2hl1VNn//z0f/+ej/UMAAA=',
);

/** Text that only the metadata carries: none of it may reach storage. */
export const SECRETS = {
  make: 'SecretPhoneMaker',
  xmp: 'xmp-location-Kibera',
  iptc: 'iptc-byline-Ama',
  comment: 'taken-at-the-safe-house',
  pngText: 'png-text-gps-1.2921S',
  webpXmp: 'webp-xmp-creator-Rosa',
} as const;
/** The GPS latitude degrees as EXIF stores them (RATIONAL 1°17'31"), the bytes to look for. */
export const GPS_LATITUDE_BYTES = new Uint8Array([1, 0, 0, 0, 1, 0, 0, 0, 17, 0, 0, 0, 1, 0, 0, 0]);

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Whether `needle` occurs in `hay`. */
export function contains(hay: Uint8Array, needle: Uint8Array | string): boolean {
  return Buffer.from(hay).includes(Buffer.from(needle as string));
}

const jpegSegment = (marker: number, data: Uint8Array) => {
  const length = data.length + 2;
  return concat([new Uint8Array([0xff, marker, length >> 8, length & 0xff]), data]);
};

/**
 * An APP1 Exif segment as a phone writes one (little-endian TIFF): IFD0 with Make, optionally
 * Orientation, and a pointer to a GPS IFD holding latitude S 1°17'31" and longitude E 36°49'.
 */
export function exifWithGps(orientation?: number): Uint8Array {
  const make = text(`${SECRETS.make}\0`);
  const entries = orientation ? 3 : 2;
  const ifd0 = 8;
  const ifd0Size = 2 + entries * 12 + 4;
  const makeAt = ifd0 + ifd0Size;
  const gpsAt = makeAt + make.length + (make.length % 2);
  const gpsEntries = 4;
  const gpsSize = 2 + gpsEntries * 12 + 4;
  const latAt = gpsAt + gpsSize;
  const lonAt = latAt + 24;
  const tiff = new Uint8Array(lonAt + 24);
  const view = new DataView(tiff.buffer);
  tiff.set(text('II'), 0);
  view.setUint16(2, 42, true);
  view.setUint32(4, ifd0, true);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, count, true);
    if (type === 3 && count === 1) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
  };
  view.setUint16(ifd0, entries, true);
  let at = ifd0 + 2;
  entry(at, 0x010f, 2, make.length, makeAt);
  at += 12;
  if (orientation) {
    entry(at, 0x0112, 3, 1, orientation);
    at += 12;
  }
  entry(at, 0x8825, 4, 1, gpsAt);
  tiff.set(make, makeAt);
  view.setUint16(gpsAt, gpsEntries, true);
  at = gpsAt + 2;
  entry(at, 0x0001, 2, 2, 0x53); // GPSLatitudeRef "S"
  entry(at + 12, 0x0002, 5, 3, latAt);
  entry(at + 24, 0x0003, 2, 2, 0x45); // GPSLongitudeRef "E"
  entry(at + 36, 0x0004, 5, 3, lonAt);
  tiff.set(GPS_LATITUDE_BYTES, latAt);
  tiff.set(new Uint8Array([31, 0, 0, 0, 1, 0, 0, 0]), latAt + 16);
  tiff.set(
    new Uint8Array([36, 0, 0, 0, 1, 0, 0, 0, 49, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]),
    lonAt,
  );
  return jpegSegment(0xe1, concat([text('Exif\0\0'), tiff]));
}

/** The sample JPEG with Exif+GPS, XMP, IPTC and a comment after its APP0, and junk after EOI. */
export function jpegWithMetadata(orientation?: number): Uint8Array {
  const app0End = 2 + 2 + ((SAMPLE_JPEG[4]! << 8) | SAMPLE_JPEG[5]!);
  return concat([
    SAMPLE_JPEG.subarray(0, app0End),
    exifWithGps(orientation),
    jpegSegment(
      0xe1,
      text(
        `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude="${SECRETS.xmp}"/></x:xmpmeta>`,
      ),
    ),
    jpegSegment(0xed, text(`Photoshop 3.0\u00008BIM\u0004\u0004\u0000\u0000${SECRETS.iptc}`)),
    jpegSegment(0xfe, text(SECRETS.comment)),
    SAMPLE_JPEG.subarray(app0End),
    text('trailing bytes after the end'),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A PNG chunk with its length and CRC. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, data.length);
  head.set(text(type), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concat([head.subarray(4), data])));
  return concat([head, data, crc]);
}

/** The sample PNG with tEXt, iTXt, zTXt, eXIf and tIME chunks before its IDAT. */
export function pngWithMetadata(): Uint8Array {
  const ihdrEnd = 8 + 12 + 13;
  return concat([
    SAMPLE_PNG.subarray(0, ihdrEnd),
    pngChunk('tEXt', text(`Location\0${SECRETS.pngText}`)),
    pngChunk('iTXt', text(`Author\0\0\0en\0Author\0${SECRETS.pngText}`)),
    pngChunk('zTXt', text('Comment\0\0x')),
    pngChunk('eXIf', exifWithGps().subarray(10)),
    pngChunk('tIME', new Uint8Array([0x07, 0xea, 3, 2, 10, 30, 0])),
    SAMPLE_PNG.subarray(ihdrEnd),
  ]);
}

const riffChunk = (type: string, data: Uint8Array) => {
  const head = new Uint8Array(8);
  head.set(text(type), 0);
  new DataView(head.buffer).setUint32(4, data.length, true);
  return concat([head, data, data.length % 2 ? new Uint8Array(1) : new Uint8Array(0)]);
};

/** The sample WebP with EXIF and XMP chunks, their VP8X flags set and the RIFF size fixed. */
export function webpWithMetadata(): Uint8Array {
  const body = SAMPLE_WEBP.slice(12);
  body[8] = body[8]! | 0x08 | 0x04; // VP8X flags: EXIF, XMP
  const all = concat([
    body,
    riffChunk('EXIF', exifWithGps().subarray(10)),
    riffChunk('XMP ', text(`<x:xmpmeta>${SECRETS.webpXmp}</x:xmpmeta>`)),
  ]);
  const header = new Uint8Array(12);
  header.set(text('RIFF'), 0);
  new DataView(header.buffer).setUint32(4, all.length + 4, true);
  header.set(text('WEBP'), 8);
  return concat([header, all]);
}

/** The JPEG markers of a file in order (segments and standalone markers; scan data skipped). */
export function jpegMarkers(b: Uint8Array): number[] {
  const markers: number[] = [];
  let pos = 2;
  markers.push(0xd8);
  while (pos + 1 < b.length) {
    const marker = b[pos + 1]!;
    markers.push(marker);
    if (marker === 0xd9) break;
    const length = (b[pos + 2]! << 8) | b[pos + 3]!;
    pos += 2 + length;
    if (marker === 0xda) {
      while (
        pos + 1 < b.length &&
        !(b[pos] === 0xff && b[pos + 1] !== 0 && (b[pos + 1]! < 0xd0 || b[pos + 1]! > 0xd7))
      )
        pos++;
    }
  }
  return markers;
}

/**
 * The sample image of `type` with its header declaring `width`×`height` pixels and its pixel
 * data left as it was: what a "decompression bomb" or a lying header looks like.
 */
export function withDeclaredSize(type: string, width: number, height: number): Uint8Array {
  if (type === 'image/png') {
    const ihdr = SAMPLE_PNG.slice(16, 29);
    new DataView(ihdr.buffer).setUint32(0, width);
    new DataView(ihdr.buffer).setUint32(4, height);
    return concat([SAMPLE_PNG.subarray(0, 8), pngChunk('IHDR', ihdr), SAMPLE_PNG.subarray(33)]);
  }
  if (type === 'image/jpeg') {
    const out = SAMPLE_JPEG.slice();
    const sof = Buffer.from(out).indexOf(Buffer.from([0xff, 0xc0]));
    new DataView(out.buffer).setUint16(sof + 5, height);
    new DataView(out.buffer).setUint16(sof + 7, width);
    return out;
  }
  // WebP: the VP8X canvas size, 24 bits each, minus one
  const out = SAMPLE_WEBP.slice();
  for (const [at, v] of [
    [24, width - 1],
    [27, height - 1],
  ] as const) {
    out[at] = v & 0xff;
    out[at + 1] = (v >> 8) & 0xff;
    out[at + 2] = (v >> 16) & 0xff;
  }
  return out;
}

/** The sample PNG whose compressed pixels are noise (its chunks' CRCs right). */
export function pngWithGarbagePixels(): Uint8Array {
  const idatAt = Buffer.from(SAMPLE_PNG).indexOf(Buffer.from('IDAT')) - 4;
  const length = new DataView(SAMPLE_PNG.buffer, SAMPLE_PNG.byteOffset).getUint32(idatAt);
  const noise = new Uint8Array(length).map((_, i) => (i * 73 + 41) & 0xff);
  return concat([
    SAMPLE_PNG.subarray(0, idatAt),
    pngChunk('IDAT', noise),
    SAMPLE_PNG.subarray(idatAt + 12 + length),
  ]);
}

/** The sample WebP whose VP8 bitstream after its frame header is noise. */
export function webpWithGarbagePixels(): Uint8Array {
  const out = SAMPLE_WEBP.slice();
  const vp8 = Buffer.from(out).lastIndexOf(Buffer.from('VP8 '));
  for (let i = vp8 + 8 + 10; i < out.length; i++) out[i] = (i * 73 + 41) & 0xff;
  return out;
}
