import type { Logger } from '../log/logger';
import { MissingApiKeyError } from '../domain/errors';
import { hostOf } from '../domain/format';
import type { CommandOptions } from '../domain/options';
import { estimateCostUsd, type GenerationPlan } from '../domain/plan';
import type { Asker } from './generationFlow';

/** The asker of a scripted call (and of the agent tool): it asks nothing, and says in the log what a user would have been told. */
export class ScriptedAsker implements Asker {
  constructor(private readonly logger: Logger, private readonly caller: string) {}

  provideKey(): Promise<boolean> {
    return Promise.reject(new MissingApiKeyError());
  }

  chooseImages(): Promise<readonly unknown[]> {
    return Promise.resolve([]);
  }

  complete(options: CommandOptions): Promise<CommandOptions> {
    return Promise.resolve(options);
  }

  confirmCost(plan: GenerationPlan): Promise<boolean> {
    this.logger.info(`${this.caller}: ${plan.variants} variants with ${plan.model}, estimated cost about $${estimateCostUsd(plan.model, plan.variants)} (not asked: a scripted call is the consent).`);
    return Promise.resolve(true);
  }

  confirmUpload(paths: readonly string[], uploadBaseUrl: string): Promise<boolean> {
    this.logger.info(
      `${this.caller}: uploading ${paths.join(', ')} to Segmind storage at ${hostOf(uploadBaseUrl)} ` +
        '(a user would have been told that editing uploads their images; not asked: a scripted call is the consent).',
    );
    return Promise.resolve(true);
  }
}
