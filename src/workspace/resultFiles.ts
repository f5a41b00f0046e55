/**
 * Writes a finished job's image and its sidecar: the job tracker's saveResult port. Before writing,
 * the pixels are finished as the request asked: what a mask protects copied back from the original,
 * the image fitted to an exact size, a transparent background checked, converted to the format the
 * path names when no model makes it (AVIF, GIF, ICO). Then the other files of its set, if any, are
 * written from it. An image the library cannot read is kept as it came (it was paid for), with a
 * warning, never thrown away.
 */
import * as vscode from 'vscode';
import { fromDataUrl } from '../domain/images/dataUrl';
import {
  FILE_EXTENSIONS,
  fileFormatOfExtension,
  isConverted,
  readPixelSize,
  type FileFormat,
  type ImageFormat,
  type PixelSize,
} from '../domain/images/imageFormat';
import { buildSidecar, type SidecarFacts } from '../domain/images/sidecar';
import type { KeepUnmaskedSource, ResultDescription, SavedResult, SaveResult } from '../jobs/jobTracker';
import type { WrittenFile } from '../jobs/jobRequest';
import { convertImage } from '../pixels/convert';
import type { FinishedJob } from '../jobs/pure/runJob';
import { fitToSize } from '../pixels/fitImage';
import { keepUnmaskedPixels } from '../pixels/keepUnmasked';
import { hasRealTransparency } from '../pixels/transparency';
import { refusalOf } from '../shared/wording';
import { UnsafeDestinationError } from '../domain/errors/errors';
import { replaceIfUnchanged, saveImage, type ImageToSave } from './imageWriter';
import type { KeepReplaced } from './replacedFiles';

/**
 * `outputFolderOf` gives a workspace folder's output folder, created and confined: where a paid image
 * goes when the folder of its `path` fails the check just before the write.
 */
export function resultSaver(
  extensionVersion: string,
  now: () => number,
  outputFolderOf: (workspaceFolder: vscode.Uri) => Promise<vscode.Uri>,
  keepReplaced: KeepReplaced,
): SaveResult {
  return (result, job, signal) =>
    writeResultFiles(result, job, { savedAt: now, extensionVersion, outputFolderOf, keepReplaced, ...(signal ? { signal } : {}) });
}

interface SavingContext {
  readonly savedAt: () => number;
  readonly extensionVersion: string;
  readonly outputFolderOf: (workspaceFolder: vscode.Uri) => Promise<vscode.Uri>;
  /** Where the bytes a replace took the place of go (the trash, else a backup): says so in a sentence. */
  readonly keepReplaced: KeepReplaced;
  /** Aborted: the files of the set not written yet are not written (cancelled calls write nothing more). */
  readonly signal?: AbortSignal;
}

type Finishing = Pick<SidecarFacts, 'nativeSize' | 'resize' | 'preserveUnmaskedPixels' | 'transparency' | 'processingError'>;

interface FinishedPixels {
  readonly bytes: Uint8Array;
  readonly facts: Finishing;
}

async function finishPixels(result: ResultDescription, bytes: Uint8Array, format: ImageFormat): Promise<FinishedPixels> {
  const quality = format === 'png' ? undefined : result.parameters.outputCompression;
  try {
    let current = bytes;
    const facts: { -readonly [K in keyof Finishing]: Finishing[K] } = {};
    if (result.keepUnmasked) {
      const { original, mask } = await readKeepUnmasked(result.keepUnmasked);
      current = await keepUnmaskedPixels(current, format, original, mask, quality);
      facts.preserveUnmaskedPixels = true;
    }
    if (result.exact) {
      const fitted = await fitToSize(current, format, result.exact, quality);
      current = fitted.bytes;
      facts.nativeSize = fitted.native;
      facts.resize = result.exact;
    }
    if (result.parameters.background === 'transparent') facts.transparency = (await hasRealTransparency(current)) ? 'verified' : 'missing';
    return { bytes: current, facts };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { bytes, facts: { processingError: reason, ...(result.exact ? { resize: result.exact } : {}) } };
  }
}

async function readKeepUnmasked(source: KeepUnmaskedSource): Promise<{ original: Uint8Array; mask: Uint8Array }> {
  const original = await vscode.workspace.fs.readFile(vscode.Uri.parse(source.original));
  const mask =
    'uri' in source.mask
      ? await vscode.workspace.fs.readFile(vscode.Uri.parse(source.mask.uri))
      : fromDataUrl(`data:image/png;base64,${source.mask.pngBase64}`)?.bytes;
  if (!mask) throw new Error('the painted mask could not be read back');
  return { original, mask };
}

/** The image in the format `path` names when no model makes it (AVIF, GIF, ICO); as it is otherwise, or when the library cannot convert it. */
async function inPathFormat(
  result: ResultDescription,
  finished: FinishedPixels,
  made: ImageFormat,
): Promise<{ bytes: Uint8Array; format: FileFormat; pixelSize?: PixelSize; facts: Finishing }> {
  const wanted = result.extension ? fileFormatOfExtension(result.extension) : undefined;
  if (!wanted || !isConverted(wanted) || finished.facts.processingError) {
    const pixelSize = readPixelSize(finished.bytes);
    return { bytes: finished.bytes, format: made, ...(pixelSize ? { pixelSize } : {}), facts: finished.facts };
  }
  try {
    const converted = await convertImage(finished.bytes, wanted, result.exact, { fit: result.exact?.fit ?? 'cover' });
    return { bytes: converted.bytes, format: wanted, pixelSize: converted.pixelSize, facts: finished.facts };
  } catch (error) {
    const pixelSize = readPixelSize(finished.bytes);
    const reason = error instanceof Error ? error.message : String(error);
    return { bytes: finished.bytes, format: made, ...(pixelSize ? { pixelSize } : {}), facts: { ...finished.facts, processingError: reason } };
  }
}

async function writeResultFiles(result: ResultDescription, job: FinishedJob, context: SavingContext): Promise<SavedResult> {
  const { savedAt, extensionVersion } = context;
  const finished = await finishPixels(result, job.image.bytes, job.image.format);
  const written = await inPathFormat(result, finished, job.image.format);
  const { format, pixelSize } = written;
  const facts = (file: string, made: { format: FileFormat; pixelSize?: PixelSize; bytes: number }, more: Partial<SidecarFacts> = {}): SidecarFacts => ({
    file,
    prompt: result.prompt,
    ...(result.stylePrompt ? { stylePrompt: result.stylePrompt } : {}),
    model: result.model,
    parameters: result.parameters,
    transport: result.transport,
    requestId: job.requestId,
    cost: job.cost,
    remainingCredits: job.remainingCredits,
    format: made.format,
    pixelSize: made.pixelSize,
    bytes: made.bytes,
    submittedAt: job.submittedAt,
    completedAt: job.completedAt,
    savedAt: savedAt(),
    inferenceSeconds: job.inferenceSeconds,
    queueSeconds: job.queueSeconds,
    polls: job.polls,
    variant: result.variant,
    sourceImages: result.sourceImages,
    mask: result.mask,
    extensionVersion,
    ...written.facts,
    ...more,
  });
  const image: ImageToSave = {
    baseName: result.baseName,
    bytes: written.bytes,
    format,
    ...(result.extension && fileFormatOfExtension(result.extension) === format ? { extension: result.extension } : {}),
    ...(result.saveMetadata
      ? { sidecar: (file: string) => buildSidecar(facts(file, { format, bytes: written.bytes.length, ...(pixelSize ? { pixelSize } : {}) })) }
      : {}),
  };
  const warnings: string[] = [];
  const uri = await saveConfined(result, image, job.requestId, context, warnings);
  const name = vscode.workspace.asRelativePath(uri);
  if (written.facts.transparency === 'missing') {
    warnings.push(`${name} has no transparent pixels: the model ignored "background: transparent". The file is kept as it came.`);
  }
  if (written.facts.processingError) {
    warnings.push(
      `${name} was kept as it came: the image library could not process it (${written.facts.processingError}), so ${result.exact ? 'it was not resized' : 'it was not checked'}.`,
    );
  }
  // The other files of the set are fitted from the render as the model made it, not from this file's
  // crop: a wide <source> and a tall <img> each get the best crop of the one image.
  const alsoSaved = result.alsoWrite?.length
    ? await writeSetMembers(result, job.image.bytes, readPixelSize(job.image.bytes), uri, facts, warnings, context.signal)
    : undefined;
  return { uri, format, ...(pixelSize ? { pixelSize } : {}), warnings, ...(alsoSaved ? { alsoSaved } : {}) };
}

/**
 * The other files of a set, each from the render's pixels as the model made them, fitted (cover) to
 * its own size, in its own format, beside a sidecar that names the file it was rendered with. One
 * that cannot be written is a warning: the paid image is saved already.
 */
async function writeSetMembers(
  result: ResultDescription,
  render: Uint8Array,
  renderSize: PixelSize | undefined,
  lead: vscode.Uri,
  facts: (file: string, made: { format: FileFormat; pixelSize?: PixelSize; bytes: number }, more?: Partial<SidecarFacts>) => SidecarFacts,
  warnings: string[],
  signal?: AbortSignal,
): Promise<WrittenFile[]> {
  const saved: WrittenFile[] = [];
  const renderedWith = vscode.workspace.asRelativePath(lead, false);
  for (const member of result.alsoWrite ?? []) {
    const target = vscode.Uri.parse(member.uri);
    // Cancelled: the rest of the set is not written; what was written stays (the log names each file).
    if (signal?.aborted) return (warnings.push(`Cancelled: ${vscode.workspace.asRelativePath(target)} and the rest of the set were not written.`), saved);
    const fileName = target.path.slice(target.path.lastIndexOf('/') + 1);
    const dot = fileName.lastIndexOf('.');
    const format = fileFormatOfExtension(fileName.slice(dot + 1));
    try {
      if (!format || dot <= 0) throw new Error('no image library writes this format');
      const size = member.size ?? renderSize;
      const converted = await convertImage(render, format, size, {
        fit: 'cover',
        ...(format === 'png' ? {} : { quality: result.parameters.outputCompression }),
      });
      const sidecarFacts = (file: string): SidecarFacts =>
        facts(
          file,
          { format, pixelSize: converted.pixelSize, bytes: converted.bytes.length },
          {
            renderedWith,
            ...(renderSize ? { nativeSize: renderSize } : {}),
            ...(size ? { resize: { width: size.width, height: size.height, fit: 'cover' } } : {}),
            transparency: undefined,
            processingError: undefined,
            preserveUnmaskedPixels: undefined,
          },
        );
      const uri = await saveImage(
        { folder: vscode.Uri.joinPath(target, '..'), workspaceFolder: result.workspaceFolder },
        {
          baseName: fileName.slice(0, dot),
          extension: fileName.slice(dot + 1),
          bytes: converted.bytes,
          format,
          ...(result.saveMetadata ? { sidecar: (file: string) => buildSidecar(sidecarFacts(file)) } : {}),
        },
      );
      saved.push({ uri, format, pixelSize: converted.pixelSize });
    } catch (error) {
      const reason = error instanceof UnsafeDestinationError ? refusalOf(error) : error instanceof Error ? error.message : String(error);
      warnings.push(`${vscode.workspace.asRelativePath(target)} was not written from ${renderedWith}: ${reason}`);
    }
  }
  return saved;
}

/**
 * Saves where the request said, checked just before the write. A `path` folder that no longer
 * passes (a link swapped in while the job ran) hands the paid image to the output folder, with a
 * warning naming both; when that fails too, or it was the output folder, nothing is written and the
 * job fails with its request id.
 */
async function saveConfined(
  result: ResultDescription,
  image: ImageToSave,
  requestId: string | undefined,
  context: SavingContext,
  warnings: string[],
): Promise<vscode.Uri> {
  const withRequestId = (error: UnsafeDestinationError): UnsafeDestinationError =>
    new UnsafeDestinationError(error.location, error.reason, requestId, error.detail);
  if (result.replaces) {
    // Render Placeholder with AI: in place while the placeholder is unchanged; else beside it, nothing lost.
    const target = vscode.Uri.joinPath(result.outputFolder, `${result.baseName}.${image.extension ?? FILE_EXTENSIONS[image.format as ImageFormat]}`);
    const sidecar = image.sidecar?.(target.path.slice(target.path.lastIndexOf('/') + 1));
    try {
      const replaced = await replaceIfUnchanged(result.workspaceFolder, target, result.replaces.sha256, image.bytes, sidecar);
      if (replaced) {
        warnings.push(await context.keepReplaced(target.path.slice(target.path.lastIndexOf('/') + 1), replaced));
        return target;
      }
    } catch (error) {
      throw error instanceof UnsafeDestinationError ? withRequestId(error) : error;
    }
    const beside = await saveConfined({ ...result, replaces: undefined }, image, requestId, context, warnings);
    warnings.push(
      `${vscode.workspace.asRelativePath(target)} changed (or went) while the image was made, so it was not replaced: the image was saved as ${vscode.workspace.asRelativePath(beside)}.`,
    );
    return beside;
  }
  try {
    return await saveImage({ folder: result.outputFolder, workspaceFolder: result.workspaceFolder }, image);
  } catch (error) {
    if (!(error instanceof UnsafeDestinationError)) throw error;
    if (!result.chosenPath) throw withRequestId(error);
    const fallback = await context.outputFolderOf(result.workspaceFolder).catch(() => undefined);
    if (!fallback) throw withRequestId(error);
    let uri: vscode.Uri;
    try {
      uri = await saveImage({ folder: fallback, workspaceFolder: result.workspaceFolder }, image);
    } catch (again) {
      throw again instanceof UnsafeDestinationError ? withRequestId(again) : again;
    }
    warnings.push(
      vscode.l10n.t(
        'The folder {0} was no longer safe to write when the image was ready: it {1} The image was saved to {2} instead.',
        vscode.workspace.asRelativePath(result.outputFolder),
        refusalOf(error),
        vscode.workspace.asRelativePath(uri),
      ),
    );
    return uri;
  }
}
