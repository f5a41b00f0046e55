/**
 * The upload step of every edit: the source images (and the mask) go to Segmind storage in one
 * batch, and the plan gets the URLs the edit model will fetch them from.
 */
import type { GenerationPlan } from '../domain/generation/plan';
import { withUploadedSources } from '../domain/generation/plan';
import type { SegmindClient } from '../segmind/client';
import { toDataUrl } from '../domain/images/dataUrl';
import type { CheckedEditInputs } from '../domain/generation/editInputs';

/** Every file an edit uploads: the images, then the mask when there is one. */
export function filesToUpload(inputs: CheckedEditInputs): CheckedEditInputs['images'] {
  return inputs.mask ? [...inputs.images, inputs.mask] : inputs.images;
}

export async function uploadEditSources(
  client: SegmindClient,
  plan: GenerationPlan,
  inputs: CheckedEditInputs,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<GenerationPlan> {
  const files = filesToUpload(inputs);
  const urls = await client.upload(
    files.map((file) => toDataUrl(file.bytes, file.format)),
    signal,
  );
  log(`Uploaded ${files.map((file, index) => `${file.path} → ${urls[index] ?? '?'}`).join(', ')}.`);
  const count = inputs.images.length;
  return withUploadedSources(plan, { images: urls.slice(0, count), ...(inputs.mask ? { mask: urls[count] ?? '' } : {}) });
}
