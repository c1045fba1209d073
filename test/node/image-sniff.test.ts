// Avatar type and dimension detection from the bytes alone (src/lib/image.ts).
import { describe, expect, it } from 'vitest';
import { readImageInfo, sniffImageType } from '../../src/lib/image.ts';
import { gif, jpeg, png, webp } from '../fixtures/images.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('image sniffing', () => {
  it('reads type and dimensions of PNG, JPEG (baseline, progressive, with EXIF), GIF and the three WebP forms', async () => {
    expect(readImageInfo(await png(37, 23))).toEqual({ type: 'image/png', extension: 'png', width: 37, height: 23 });
    expect(readImageInfo(jpeg(640, 480))).toEqual({ type: 'image/jpeg', extension: 'jpg', width: 640, height: 480 });
    expect(readImageInfo(jpeg(300, 200, { progressive: true, exif: true }))).toMatchObject({ width: 300, height: 200 });
    expect(readImageInfo(gif(16, 9))).toEqual({ type: 'image/gif', extension: 'gif', width: 16, height: 9 });
    for (const kind of ['VP8 ', 'VP8L', 'VP8X'] as const) {
      expect(readImageInfo(webp(120, 80, kind))).toEqual({ type: 'image/webp', extension: 'webp', width: 120, height: 80 });
    }
  });

  it('refuses what is not one of the four formats, whatever it claims to be', () => {
    for (const body of [
      '<!doctype html><script>alert(1)</script>',
      '<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
      '%PDF-1.7',
      'BM....',
      '',
    ]) {
      expect(sniffImageType(text(body))).toBeNull();
      expect(readImageInfo(text(body))).toBeNull();
    }
    // An HTML document that starts with a PNG-like prefix but not the full 8-byte signature.
    expect(sniffImageType(text('\x89PNG<html>'))).toBeNull();
  });

  it('recognises a type but reports no size for a malformed header', async () => {
    const truncated = (await png(10, 10)).slice(0, 20);
    expect(readImageInfo(truncated)).toEqual({ type: 'image/png' });
    expect(readImageInfo(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toEqual({ type: 'image/jpeg' });
    expect(readImageInfo(text('RIFF\0\0\0\0WEBPJUNK'))).toEqual({ type: 'image/webp' });
  });
});
