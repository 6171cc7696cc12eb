import { describe, expect, it } from 'vitest';
import {
  contains,
  exifWithGps,
  GPS_LATITUDE_BYTES,
  jpegMarkers,
  jpegWithMetadata,
  pngChunk,
  pngWithMetadata,
  SAMPLE_JPEG,
  SAMPLE_PNG,
  SAMPLE_WEBP,
  SECRETS,
  webpWithMetadata,
} from '../../../../test/support/images.ts';
import {
  exifOrientation,
  ImageFormatError,
  orientationSegment,
  sniffImageType,
  stripImageMetadata,
} from './image-metadata.ts';

const secretsIn = (bytes: Uint8Array) =>
  [...Object.values(SECRETS), 'Exif', 'http://ns.adobe.com', 'Photoshop'].filter((s) =>
    contains(bytes, s),
  );

/** PNG chunk types in order. */
const pngChunks = (b: Uint8Array) => {
  const types: string[] = [];
  for (let pos = 8; pos + 8 <= b.length; ) {
    const length = new DataView(b.buffer, b.byteOffset).getUint32(pos);
    types.push(Buffer.from(b.subarray(pos + 4, pos + 8)).toString('latin1'));
    pos += 12 + length;
  }
  return types;
};

/** WebP chunk types in order, and the RIFF size. */
const webpChunks = (b: Uint8Array) => {
  const view = new DataView(b.buffer, b.byteOffset);
  const types: string[] = [];
  for (let pos = 12; pos + 8 <= b.length; ) {
    const size = view.getUint32(pos + 4, true);
    types.push(Buffer.from(b.subarray(pos, pos + 4)).toString('latin1'));
    pos += 8 + size + (size % 2);
  }
  return { types, riffSize: view.getUint32(4, true) };
};

describe('sniffImageType', () => {
  it('tells JPEG, PNG and WebP by their magic numbers', () => {
    expect(sniffImageType(SAMPLE_JPEG)).toBe('image/jpeg');
    expect(sniffImageType(SAMPLE_PNG)).toBe('image/png');
    expect(sniffImageType(SAMPLE_WEBP)).toBe('image/webp');
  });

  it('takes nothing else, whatever it claims to be', () => {
    for (const bytes of [
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      new TextEncoder().encode('GIF89a......'),
      new TextEncoder().encode('%PDF-1.7'),
      new TextEncoder().encode('RIFF....WAVEfmt '),
      new Uint8Array([0xff, 0xd8]),
      new Uint8Array(0),
    ]) {
      expect(sniffImageType(bytes)).toBeUndefined();
    }
  });
});

describe('stripImageMetadata on a JPEG', () => {
  it('removes Exif (with its GPS IFD), XMP, IPTC, the comment and what follows EOI', () => {
    const input = jpegWithMetadata();
    // the fixture carries them all
    expect(secretsIn(input)).toEqual([
      SECRETS.make,
      SECRETS.xmp,
      SECRETS.iptc,
      SECRETS.comment,
      'Exif',
      'http://ns.adobe.com',
      'Photoshop',
    ]);
    expect(contains(input, GPS_LATITUDE_BYTES)).toBe(true);

    const { bytes, contentType, removed } = stripImageMetadata(input);
    expect(contentType).toBe('image/jpeg');
    expect(removed).toEqual(['APP1 Exif', 'APP1 XMP', 'APP13 IPTC', 'COM']);
    expect(secretsIn(bytes)).toEqual([]);
    expect(contains(bytes, GPS_LATITUDE_BYTES)).toBe(false);
  });

  it('keeps every other segment and the image data byte for byte (SOI … EOI)', () => {
    const { bytes } = stripImageMetadata(jpegWithMetadata());
    // exactly the original image: metadata added then removed gives the bytes back
    expect(Buffer.from(bytes).equals(Buffer.from(SAMPLE_JPEG))).toBe(true);
    expect(jpegMarkers(bytes)).toEqual([
      0xd8, 0xe0, 0xe2, 0xdb, 0xdb, 0xc0, 0xc4, 0xc4, 0xc4, 0xc4, 0xda, 0xd9,
    ]);
  });

  it('leaves a clean JPEG as it is', () => {
    const { bytes, removed } = stripImageMetadata(SAMPLE_JPEG);
    expect(removed).toEqual([]);
    expect(Buffer.from(bytes).equals(Buffer.from(SAMPLE_JPEG))).toBe(true);
  });

  it('keeps a turning Orientation, alone in a new Exif, so phone photos stay upright', () => {
    const { bytes } = stripImageMetadata(jpegWithMetadata(6));
    expect(contains(bytes, orientationSegment(6))).toBe(true);
    expect(contains(bytes, SECRETS.make)).toBe(false);
    expect(contains(bytes, GPS_LATITUDE_BYTES)).toBe(false);
    // after APP0, before the ICC profile
    expect(jpegMarkers(bytes).slice(0, 4)).toEqual([0xd8, 0xe0, 0xe1, 0xe2]);
    // the new segment holds Orientation and nothing else
    const app1 = orientationSegment(6).subarray(4);
    expect(exifOrientation(app1)).toBe(6);
    expect(app1.length).toBe(32);
  });

  it('adds no Exif for Orientation 1 (upright already)', () => {
    const { bytes } = stripImageMetadata(jpegWithMetadata(1));
    expect(contains(bytes, 'Exif')).toBe(false);
  });

  it('reads Orientation from little- and big-endian Exif', () => {
    expect(exifOrientation(exifWithGps(8).subarray(4))).toBe(8);
    expect(exifOrientation(orientationSegment(3).subarray(4))).toBe(3);
    expect(exifOrientation(exifWithGps().subarray(4))).toBeUndefined();
  });

  it('refuses a truncated JPEG, one without image data, and junk after the magic', () => {
    const cut = SAMPLE_JPEG.subarray(0, SAMPLE_JPEG.length - 40);
    expect(() => stripImageMetadata(cut)).toThrow(ImageFormatError);
    const headerOnly = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xd9]);
    expect(() => stripImageMetadata(headerOnly)).toThrow(/no image data/);
    const junk = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x41, 0x42]);
    expect(() => stripImageMetadata(junk)).toThrow(ImageFormatError);
    const overlong = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x00]);
    expect(() => stripImageMetadata(overlong)).toThrow(/runs past the end/);
  });
});

describe('stripImageMetadata on a PNG', () => {
  it('removes tEXt, iTXt, zTXt, eXIf and tIME and keeps the image chunks', () => {
    const input = pngWithMetadata();
    expect(contains(input, SECRETS.pngText)).toBe(true);
    const { bytes, contentType, removed } = stripImageMetadata(input);
    expect(contentType).toBe('image/png');
    expect(removed).toEqual(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);
    expect(pngChunks(bytes)).toEqual(pngChunks(SAMPLE_PNG));
    expect(Buffer.from(bytes).equals(Buffer.from(SAMPLE_PNG))).toBe(true);
    expect(contains(bytes, GPS_LATITUDE_BYTES)).toBe(false);
  });

  it('keeps the colour chunks and drops unknown private ones', () => {
    const ihdrEnd = 8 + 12 + 13;
    const input = Buffer.concat([
      SAMPLE_PNG.subarray(0, ihdrEnd),
      pngChunk('gAMA', new Uint8Array([0, 0, 0xb1, 0x8f])),
      pngChunk('prVt', new TextEncoder().encode('private notes')),
      SAMPLE_PNG.subarray(ihdrEnd),
    ]);
    const { bytes, removed } = stripImageMetadata(new Uint8Array(input));
    expect(removed).toEqual(['prVt']);
    expect(pngChunks(bytes)).toEqual(['IHDR', 'gAMA', ...pngChunks(SAMPLE_PNG).slice(1)]);
  });

  it('refuses a PNG cut before IEND', () => {
    expect(() => stripImageMetadata(SAMPLE_PNG.subarray(0, SAMPLE_PNG.length - 12))).toThrow(
      /before IEND/,
    );
  });
});

describe('stripImageMetadata on a WebP', () => {
  it('removes EXIF and XMP, clears their VP8X flags and rewrites the RIFF size', () => {
    const input = webpWithMetadata();
    expect(webpChunks(input).types).toEqual(['VP8X', 'ICCP', 'VP8 ', 'EXIF', 'XMP ']);
    const { bytes, contentType, removed } = stripImageMetadata(input);
    expect(contentType).toBe('image/webp');
    expect(removed).toEqual(['EXIF', 'XMP']);
    const { types, riffSize } = webpChunks(bytes);
    expect(types).toEqual(['VP8X', 'ICCP', 'VP8 ']);
    expect(riffSize).toBe(bytes.length - 8);
    expect(bytes[20]! & 0x0c).toBe(0); // no EXIF, no XMP flag
    expect(bytes[20]! & 0x20).toBe(0x20); // the ICC flag stays
    expect(secretsIn(bytes)).toEqual([]);
    expect(Buffer.from(bytes).equals(Buffer.from(SAMPLE_WEBP))).toBe(true);
  });

  it('refuses a WebP shorter than its RIFF size', () => {
    expect(() => stripImageMetadata(SAMPLE_WEBP.subarray(0, 100))).toThrow(ImageFormatError);
  });
});

describe('anything else', () => {
  it('is refused', () => {
    expect(() => stripImageMetadata(new TextEncoder().encode('GIF89a'))).toThrow(
      /not a JPEG, PNG or WebP/,
    );
  });
});
