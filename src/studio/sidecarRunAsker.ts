/**
 * How "run again" from the gallery asks. A sidecar says what to repeat, and sidecars come from
 * anyone's repository: one that asks for four variants, or names images to upload, must not spend
 * or send anything on a click. So the cost of more than one image, and every upload, are asked each
 * time, whatever the one-time upload consent said.
 */
import * as l10n from '@vscode/l10n';

const askedEveryTime = (): string => l10n.t('Sidecars come with the repository, so this is asked every time.');
import { formatCostEstimate, hostOf } from '../shared/format';
import { jobPriceOf, type GenerationPlan } from '../domain/generation/plan';
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
      message: l10n.t('Run {0} again: {1} images with {2}?', this.image, plan.variants, plan.model),
      detail: `${l10n.t('Its sidecar asks for {0} separate jobs, {1}.', plan.variants, formatCostEstimate(jobPriceOf(plan), plan.variants))} ${askedEveryTime()}`,
      action: l10n.t('Generate {0} Images', plan.variants),
    });
  }

  override confirmUpload(paths: readonly string[], uploadBaseUrl: string): Promise<boolean> {
    return this.confirm({
      message:
        paths.length === 1
          ? l10n.t('Run {0} again: upload {1} to Segmind storage?', this.image, paths[0] ?? '')
          : l10n.t('Run {0} again: upload {1} files to Segmind storage?', this.image, paths.length),
      detail: `${l10n.t('Its sidecar names {0} as the images of the edit. They would be sent to {1} and stored by Segmind.', paths.join(', '), hostOf(uploadBaseUrl))} ${askedEveryTime()}`,
      action: l10n.t('Upload and Edit'),
    });
  }
}
