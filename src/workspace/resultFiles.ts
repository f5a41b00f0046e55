/**
 * Writes a finished job's image and its sidecar: the job tracker's saveResult port. Before writing,
 * the pixels are finished as the request asked: what a mask protects copied back from the original,
 * the image fitted to an exact size, a transparent background checked. An image the library cannot
 * read is kept as it came (it was paid for), with a warning, never thrown away.
 */
import * as vscode from 'vscode';
import { fromDataUrl } from '../domain/dataUrl';
import { FILE_EXTENSIONS, formatOfExtension, readPixelSize, type ImageFormat, type PixelSize } from '../domain/imageFormat';
import { buildSidecar, type SidecarFacts } from '../domain/sidecar';
import type { KeepUnmaskedSource, ResultDescription, SavedResult, SaveResult } from '../jobs/jobTracker';
import type { FinishedJob } from '../jobs/run/runJob';
import { fitToSize } from '../pixels/fitImage';
import { keepUnmaskedPixels } from '../pixels/keepUnmasked';
import { hasRealTransparency } from '../pixels/transparency';
import { refusalOf } from '../domain/wording';
import { UnsafeDestinationError } from '../domain/errors';
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
  return (result, job) => writeResultFiles(result, job, { savedAt: now, extensionVersion, outputFolderOf, keepReplaced });
}

interface SavingContext {
  readonly savedAt: () => number;
  readonly extensionVersion: string;
  readonly outputFolderOf: (workspaceFolder: vscode.Uri) => Promise<vscode.Uri>;
  /** Where the bytes a replace took the place of go (the trash, else a backup): says so in a sentence. */
  readonly keepReplaced: KeepReplaced;
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

async function writeResultFiles(result: ResultDescription, job: FinishedJob, context: SavingContext): Promise<SavedResult> {
  const { savedAt, extensionVersion } = context;
  const { format } = job.image;
  const finished = await finishPixels(result, job.image.bytes, format);
  const pixelSize: PixelSize | undefined = readPixelSize(finished.bytes);
  const image: ImageToSave = {
    baseName: result.baseName,
    bytes: finished.bytes,
    format,
    ...(result.extension && formatOfExtension(result.extension) === format ? { extension: result.extension } : {}),
    ...(result.saveMetadata
      ? {
          sidecar: (file: string) =>
            buildSidecar({
              file,
              prompt: result.prompt,
              model: result.model,
              parameters: result.parameters,
              transport: result.transport,
              requestId: job.requestId,
              cost: job.cost,
              remainingCredits: job.remainingCredits,
              format,
              pixelSize,
              bytes: finished.bytes.length,
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
              ...finished.facts,
            }),
        }
      : {}),
  };
  const warnings: string[] = [];
  const uri = await saveConfined(result, image, job.requestId, context, warnings);
  const name = vscode.workspace.asRelativePath(uri);
  if (finished.facts.transparency === 'missing') {
    warnings.push(`${name} has no transparent pixels: the model ignored "background: transparent". The file is kept as it came.`);
  }
  if (finished.facts.processingError) {
    warnings.push(
      `${name} was kept as it came: the image library could not process it (${finished.facts.processingError}), so ${result.exact ? 'it was not resized' : 'it was not checked'}.`,
    );
  }
  return { uri, warnings };
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
