/**
 * File names made from prompts: readable, safe on every OS, bounded, and never clashing with a file
 * that exists (the writer walks `candidateFileName` until a name is free).
 */
const MAX_BASE_LENGTH = 48;
// Reserved on Windows with any extension too (`nul.tar` is the device NUL).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** "A cat astronaut, floating!" → "a-cat-astronaut-floating" */
export function baseNameFromPrompt(prompt: string, maxLength = MAX_BASE_LENGTH): string {
  const words = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off their letters
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  let base = '';
  for (const word of words) {
    const next = base ? `${base}-${word}` : word;
    if (next.length > maxLength) {
      if (!base) base = word.slice(0, maxLength); // one very long word: cut it
      break;
    }
    base = next;
  }
  return sanitizeBaseName(base);
}

/**
 * Makes any proposed base name safe: no separators or dots that could climb out of the folder, no
 * reserved device names, bounded length, never empty.
 */
export function sanitizeBaseName(name: string, maxLength = MAX_BASE_LENGTH * 2): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-')
    .replace(/\.{2,}/g, '-')
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
    .slice(0, maxLength)
    .replace(/[.\s-]+$/g, '');
  if (!cleaned) return 'image';
  return WINDOWS_RESERVED.test(cleaned) ? `image-${cleaned}` : cleaned;
}

/** The n-th candidate (1-based): `base.ext`, then `base-2.ext`, `base-3.ext`, … */
export function candidateFileName(base: string, extension: string, n: number): string {
  return n <= 1 ? `${base}.${extension}` : `${base}-${n}.${extension}`;
}

/** The sidecar that describes an image: `cat.png` → `cat.png.json`. */
export function sidecarFileName(imageFileName: string): string {
  return `${imageFileName}.json`;
}

/** A temporary name in the same folder, hidden, so a crash never leaves a half-written image in view. */
export function temporaryFileName(finalName: string, random: string): string {
  return `.${finalName}.${random}.tmp`;
}
