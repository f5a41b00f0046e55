/**
 * File names made from prompts: readable, safe on every OS, bounded, and never clashing with a file
 * that exists (the writer walks `candidateFileName` until a name is free).
 */
import * as l10n from '@vscode/l10n';

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

/** The most bytes a file name may have on the file systems VS Code runs on (ext4, APFS, NTFS). */
const MAX_NAME_BYTES = 255;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;

/**
 * Why a file name the user or the code chose cannot be written exactly as it is on this platform,
 * or undefined when it can. It is never changed to fit (a fix that wrote `My-Logo.png` for
 * `My..Logo.png` would leave the reference missing): a name that cannot be written is refused.
 */
export function fileNameProblem(name: string, platform: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what no file name may hold
  if (/[\u0000-\u001f\u007f]/.test(name)) return l10n.t('has a control character in its name.');
  if (new TextEncoder().encode(name).length > MAX_NAME_BYTES) return l10n.t('has a name longer than {0} bytes, more than file systems allow.', MAX_NAME_BYTES);
  if (platform === 'win32') {
    if (WINDOWS_FORBIDDEN.test(name)) return l10n.t('has a character Windows does not allow in a file name (< > : " | ? *).');
    if (/[. ]$/.test(name)) return l10n.t('ends with a dot or a space, which Windows drops from file names.');
    if (WINDOWS_RESERVED.test(name)) return l10n.t('is a name Windows reserves for a device.');
  }
  return undefined;
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

const MAX_EDITED_STEM_LENGTH = 64;

/**
 * The base name of an edit's result: `images/Logo Final.png` edited at 03:15:02 on 22 Nov 2026 →
 * `Logo Final-edit-20261122-031502`. The original's name is kept (case and spaces included, made
 * safe), its extension dropped (the result's comes from its bytes). The timestamp is in local time,
 * the time the user sees on their clock and in the Explorer; it sorts and never needs a colon.
 */
export function editBaseName(originalName: string, date: Date): string {
  const fileName = originalName.slice(Math.max(originalName.lastIndexOf('/'), originalName.lastIndexOf('\\')) + 1);
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${sanitizeBaseName(stem, MAX_EDITED_STEM_LENGTH)}-edit-${localTimestamp(date)}`;
}

/** `20261122-031502`, in local time. */
export function localTimestamp(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}
