/**
 * Which files an edit accepts, judged by their bytes and not by their names: PNG, JPEG or WebP,
 * not empty, not oversized, not too many, and a mask that is a PNG of the same size as the image.
 * Everything here is refused before any request, with a message that names the file and the limit.
 */
import * as l10n from '@vscode/l10n';
import { MODEL_SLUGS, MODELS } from './catalog';
import { InvalidParametersError, type ParameterProblem } from '../errors/errors';
import { readPixelSize, sniffImageFormat, type ImageFormat, type PixelSize } from '../images/imageFormat';
import { relativeSegments } from '../safety/workspacePath';

/**
 * Per image. OpenAI's edit endpoint takes up to 50 MB; Segmind's upload limit is not documented, and
 * base64 makes the request a third larger, so we stay well below.
 */
export const MAX_EDIT_IMAGE_BYTES = 25 * 1024 * 1024;
/** All inputs of one edit together (images and mask go up in one upload request). */
export const MAX_EDIT_TOTAL_BYTES = 40 * 1024 * 1024;
/** The most any edit model takes (gpt-image-1-edit: 16); the chosen model's own limit is checked by planEdit. */
export const MAX_EDIT_IMAGES = Math.max(...MODEL_SLUGS.map((slug) => MODELS[slug].maxEditImages));

/** The names the Explorer menu offers the command on; the bytes decide in the end. */
export const EDITABLE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp'] as const;

export function hasEditableExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && (EDITABLE_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}

export type EditInputRole = 'images' | 'mask';

/** A file as read from the workspace. */
export interface EditInputFile {
  /** Workspace-relative path, for messages and the sidecar. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface EditImage extends EditInputFile {
  readonly format: ImageFormat;
  readonly pixelSize?: PixelSize;
}

export interface CheckedEditInputs {
  readonly images: readonly EditImage[];
  readonly mask?: EditImage;
}

/**
 * A workspace-relative path as segments, `..` resolved; undefined when it is absolute or climbs out of
 * the workspace folder (an options object must not reach files outside it).
 */
export function workspaceRelativeSegments(path: string): string[] | undefined {
  const relative = relativeSegments(path);
  return relative.ok && relative.segments.length > 0 ? relative.segments : undefined;
}

/** Checked before any file is read: a count the edit models cannot take is refused outright. */
export function checkImageCount(count: number): void {
  if (count === 0) throw new InvalidParametersError([{ parameter: 'images', message: chooseAnImage() }]);
  if (count > MAX_EDIT_IMAGES) {
    throw new InvalidParametersError([{ parameter: 'images', message: l10n.t('{0} images were chosen; an edit takes at most {1}.', count, MAX_EDIT_IMAGES) }]);
  }
}

/** Said by the planner and by the inputs' check. */
export function chooseAnImage(): string {
  return l10n.t('Choose at least one image to edit.');
}

/** `The mask m.png` or the image's path: who a problem is about. */
export function inputName(path: string, role: EditInputRole): string {
  return role === 'mask' ? l10n.t('The mask {0}', path) : path;
}

/** Checked from the file's size before its bytes are read, so a huge file is never loaded. */
export function sizeProblem(path: string, byteLength: number, role: EditInputRole): ParameterProblem | undefined {
  const what = inputName(path, role);
  if (byteLength === 0) return { parameter: role, message: l10n.t('{0} is empty (0 bytes).', what) };
  if (byteLength > MAX_EDIT_IMAGE_BYTES) {
    return {
      parameter: role,
      message: l10n.t('{0} is {1}; the limit is {2} per image.', what, formatMegabytes(byteLength), formatMegabytes(MAX_EDIT_IMAGE_BYTES)),
    };
  }
  return undefined;
}

/**
 * Checks every input and reports every problem at once. Returns the images with their real format
 * (which decides the data URL's type) and pixel size.
 */
export function checkEditInputs(images: readonly EditInputFile[], mask?: EditInputFile): CheckedEditInputs {
  checkImageCount(images.length);
  const problems: ParameterProblem[] = [];
  const checked: EditImage[] = [];
  for (const file of images) {
    const image = checkOne(file, 'images', problems);
    if (image) checked.push(image);
  }
  let checkedMask: EditImage | undefined;
  if (mask) {
    checkedMask = checkOne(mask, 'mask', problems);
    if (checkedMask && checkedMask.format !== 'png') {
      problems.push({
        parameter: 'mask',
        message: l10n.t('The mask {0} must be a PNG (its transparent pixels mark where to edit), not {1}.', mask.path, FORMAT_NAMES[checkedMask.format]),
      });
    }
    const [first] = checked;
    if (checkedMask?.pixelSize && first?.pixelSize && !samePixelSize(checkedMask.pixelSize, first.pixelSize)) {
      problems.push({
        parameter: 'mask',
        message: l10n.t(
          'The mask {0} is {1} but {2} is {3}; they must be the same size.',
          mask.path,
          shownSize(checkedMask.pixelSize),
          first.path,
          shownSize(first.pixelSize),
        ),
      });
    }
  }
  const total = [...images, ...(mask ? [mask] : [])].reduce((sum, file) => sum + file.bytes.length, 0);
  if (problems.length === 0 && total > MAX_EDIT_TOTAL_BYTES) {
    problems.push({
      parameter: 'images',
      message: l10n.t('The inputs come to {0} together; the limit for one edit is {1}.', formatMegabytes(total), formatMegabytes(MAX_EDIT_TOTAL_BYTES)),
    });
  }
  if (problems.length > 0) throw new InvalidParametersError(problems);
  return checkedMask ? { images: checked, mask: checkedMask } : { images: checked };
}

function checkOne(file: EditInputFile, role: EditInputRole, problems: ParameterProblem[]): EditImage | undefined {
  const tooBigOrEmpty = sizeProblem(file.path, file.bytes.length, role);
  if (tooBigOrEmpty) {
    problems.push(tooBigOrEmpty);
    return undefined;
  }
  const format = sniffImageFormat(file.bytes);
  if (!format) {
    const what = inputName(file.path, role);
    const other = otherFormat(file.bytes);
    problems.push({
      parameter: role,
      message: other
        ? l10n.t('{0} is {1} image; edits take PNG, JPEG or WebP.', what, other)
        : l10n.t('{0} is not an image: its contents are not PNG, JPEG or WebP, whatever its name says.', what),
    });
    return undefined;
  }
  const pixelSize = readPixelSize(file.bytes);
  return pixelSize ? { ...file, format, pixelSize } : { ...file, format };
}

const FORMAT_NAMES: Readonly<Record<ImageFormat, string>> = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP' };

/** Image formats people have in repositories that the models do not take, named so the message can say which. */
function otherFormat(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 64));
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'a GIF';
  if (head.startsWith('BM') && bytes.length > 26) return 'a BMP';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'a TIFF';
  if (head.slice(4, 8) === 'ftyp' && /^(avif|avis)/.test(head.slice(8, 12))) return 'an AVIF';
  if (head.slice(4, 8) === 'ftyp' && /^(heic|heix|mif1|msf1)/.test(head.slice(8, 12))) return 'a HEIC';
  if (/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'an SVG';
  return undefined;
}

function samePixelSize(a: PixelSize, b: PixelSize): boolean {
  return a.width === b.width && a.height === b.height;
}

function shownSize(size: PixelSize): string {
  return `${size.width}x${size.height}`;
}

/** 26214400 → "25 MB", 31666666 → "30.2 MB" (binary megabytes, as file managers show them). */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}
