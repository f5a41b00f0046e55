/**
 * A placeholder drawn: an SVG of a solid background and the label as outlines of a bundled font
 * (opentype.js reads the glyphs; nothing depends on the fonts a machine has), written as it is for
 * `.svg` or rasterised by sharp for png, jpeg and webp. Characters the font lacks are left out.
 */
import { parse, type Font, type Glyph } from 'opentype.js';
import type { PlaceholderSpec } from '../domain/images/placeholder';
import { icoSizesFor } from '../domain/images/imageFormat';
import { encodeIco } from './ico';
import { encodeAs, loadSharp } from './sharp';

/** The label spans at most this share of the width, and its capitals this share of the height. */
const LABEL_WIDTH = 0.8;
const LABEL_CAP_HEIGHT = 0.16;

// The bundle of this module (dist/placeholder.js) stays small: nothing but types from the domain.
/** Dark text on a light background, light on a dark one (relative luminance, WCAG's formula). */
export function labelColourOn(background: string): string {
  const channel = (at: number): number => {
    const value = Number.parseInt(background.slice(at, at + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.36 ? '#3b4048' : '#f3f4f6';
}

const fonts = new WeakMap<Uint8Array, Font>();

function fontOf(bytes: Uint8Array): Font {
  let font = fonts.get(bytes);
  if (!font) {
    font = parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    fonts.set(bytes, font);
  }
  return font;
}

/** The label's outline as SVG path data, centred in the image; empty when no character of it is in the font. */
export function labelPath(spec: Pick<PlaceholderSpec, 'width' | 'height' | 'label'>, fontBytes: Uint8Array): string {
  if (!spec.label) return '';
  const font = fontOf(fontBytes);
  const glyphs: Glyph[] = [...spec.label].filter((char) => char === ' ' || font.hasChar(char)).map((char) => font.charToGlyph(char));
  if (glyphs.every((glyph) => glyph.index === 0 || (glyph.advanceWidth ?? 0) === 0)) return '';
  // Widths in font units, kerning included, then one scale that fits both the width and the height.
  let units = 0;
  glyphs.forEach((glyph, index) => {
    units += glyph.advanceWidth ?? 0;
    const next = glyphs[index + 1];
    if (next) units += font.getKerningValue(glyph, next);
  });
  const capHeight = font.tables.os2?.sCapHeight || font.ascender * 0.7;
  const fontSize = Math.min((spec.width * LABEL_WIDTH * font.unitsPerEm) / units, (spec.height * LABEL_CAP_HEIGHT * font.unitsPerEm) / capHeight);
  const scale = fontSize / font.unitsPerEm;
  let x = (spec.width - units * scale) / 2;
  const baseline = (spec.height + capHeight * scale) / 2;
  const parts: string[] = [];
  glyphs.forEach((glyph, index) => {
    parts.push(glyph.getPath(x, baseline, fontSize).toPathData(2));
    const next = glyphs[index + 1];
    x += ((glyph.advanceWidth ?? 0) + (next ? font.getKerningValue(glyph, next) : 0)) * scale;
  });
  return parts.join('');
}

/** The placeholder as an SVG document of exactly its size. */
export function placeholderSvg(spec: PlaceholderSpec, fontBytes: Uint8Array): string {
  const path = labelPath(spec, fontBytes);
  const title = spec.label.replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}" viewBox="0 0 ${spec.width} ${spec.height}" role="img"${title ? ` aria-label="${title}"` : ''}>`,
    `<rect width="100%" height="100%" fill="${spec.background}"/>`,
    path ? `<path d="${path}" fill="${labelColourOn(spec.background)}"/>` : '',
    '</svg>',
    '',
  ].join('');
}

/** The file's bytes, in its format. */
export async function drawPlaceholder(spec: PlaceholderSpec, fontBytes: Uint8Array): Promise<Uint8Array> {
  const svg = placeholderSvg(spec, fontBytes);
  if (spec.format === 'svg') return new TextEncoder().encode(svg);
  const sharp = await loadSharp();
  const raster = (drawn: PlaceholderSpec, format: Exclude<PlaceholderSpec['format'], 'svg' | 'ico'>): Promise<Buffer> =>
    // density 72: one SVG unit is one pixel, so the raster is exactly width × height.
    encodeAs(sharp(Buffer.from(placeholderSvg(drawn, fontBytes)), { density: 72 }).resize(drawn.width, drawn.height, { fit: 'fill' }), format, 90).toBuffer();
  if (spec.format === 'ico') {
    // Each entry drawn at its own size (the spec has a label only when its largest is readable), packed as PNGs.
    const entries = await Promise.all(
      (spec.icoSizes ?? icoSizesFor(spec)).map(async (side) => ({
        size: side,
        png: new Uint8Array(await raster({ ...spec, width: side, height: side }, 'png')),
      })),
    );
    return encodeIco(entries);
  }
  return new Uint8Array(await raster(spec, spec.format));
}
