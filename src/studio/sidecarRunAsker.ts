/**
 * How "run again" from the gallery asks. A sidecar says what to repeat, and sidecars come from
 * anyone's repository: one that asks for four variants, or names images to upload, must not spend
 * or send anything on a click. So the cost of more than one image, and every upload, are asked each
 * time, whatever the one-time upload consent said.
 */
import { MODELS } from '../domain/catalog';
import { formatCostEstimate, hostOf } from '../domain/format';
import type { GenerationPlan } from '../domain/plan';
import { AsksNothing } from '../flow/asksNothing';
import type { Confirm } from '../ui/confirm';

export class SidecarRunAsker extends AsksNothing {
  constructor(
    private readonly confirm: Confirm,
    /** The image whose sidecar is repeated, workspace-relative. */
    private readonly image: string,
  ) {
    super();
  }

  override confirmCost(plan: GenerationPlan): Promise<boolean> {
    return this.confirm({
      message: `Run ${this.image} again: ${plan.variants} images with ${plan.model}?`,
      detail:
        `Its sidecar asks for ${plan.variants} separate jobs, ${formatCostEstimate(MODELS[plan.model].estimatedCostUsd, plan.variants)}. ` +
        'Sidecars come with the repository, so this is asked every time.',
      action: `Generate ${plan.variants} Images`,
    });
  }

  override confirmUpload(paths: readonly string[], uploadBaseUrl: string): Promise<boolean> {
    return this.confirm({
      message: `Run ${this.image} again: upload ${paths.length === 1 ? (paths[0] ?? 'the image') : `${paths.length} files`} to Segmind storage?`,
      detail:
        `Its sidecar names ${paths.join(', ')} as the images of the edit. They would be sent to ${hostOf(uploadBaseUrl)} and stored by Segmind. ` +
        'Sidecars come with the repository, so this is asked every time.',
      action: 'Upload and Edit',
    });
  }
}
