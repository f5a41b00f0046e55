/** The part of opentype.js (which ships no types) that the placeholder label uses. */
declare module 'opentype.js' {
  export interface PathCommands {
    toPathData(decimalPlaces?: number): string;
  }
  export interface Glyph {
    readonly index: number;
    readonly advanceWidth?: number;
    getPath(x: number, y: number, fontSize: number): PathCommands;
  }
  export interface Font {
    readonly unitsPerEm: number;
    readonly ascender: number;
    readonly descender: number;
    readonly tables: { readonly os2?: { readonly sCapHeight?: number } };
    hasChar(char: string): boolean;
    charToGlyph(char: string): Glyph;
    getKerningValue(left: Glyph, right: Glyph): number;
  }
  export function parse(buffer: ArrayBuffer): Font;
}
