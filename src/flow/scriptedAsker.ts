/**
 * The asker of a scripted call (and of the agent tool): a scripted call is its own consent, so it
 * asks nothing, and says in the log what a user would have been told.
 */
import type { Logger } from '../log/logger';
import { hostOf } from '../shared/format';
import { planPriceUsd, type GenerationPlan } from '../domain/generation/plan';
import { AsksNothing } from './asksNothing';

export class ScriptedAsker extends AsksNothing {
  constructor(
    private readonly logger: Logger,
    private readonly caller: string,
  ) {
    super();
  }

  override confirmCost(plan: GenerationPlan): Promise<boolean> {
    this.logger.info(
      `${this.caller}: ${plan.variants} variants with ${plan.model}, at most $${planPriceUsd(plan)} (not asked: a scripted call is the consent).`,
    );
    return Promise.resolve(true);
  }

  override confirmUpload(paths: readonly string[], uploadBaseUrl: string): Promise<boolean> {
    this.logger.info(
      `${this.caller}: uploading ${paths.join(', ')} to Segmind storage at ${hostOf(uploadBaseUrl)} ` +
        '(a user would have been told that editing uploads their images; not asked: a scripted call is the consent).',
    );
    return Promise.resolve(true);
  }
}
