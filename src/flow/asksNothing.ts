/**
 * An asker for entry points that cannot ask: a missing key is refused (MissingApiKeyError), an edit without
 * images is refused (by the flow), and everything else goes ahead as given. The scripted calls and
 * the Studio build on it, each adding what it does instead of asking.
 */
import { MissingApiKeyError } from '../domain/errors/errors';
import type { CommandOptions } from '../domain/generation/options';
import type { GenerationPlan } from '../domain/generation/plan';
import type { Asker, EditContext } from './generationFlow';

export class AsksNothing implements Asker {
  provideKey(): Promise<boolean> {
    return Promise.reject(new MissingApiKeyError());
  }

  chooseImages(): Promise<readonly unknown[]> {
    return Promise.resolve([]);
  }

  complete(options: CommandOptions, _edit?: EditContext): Promise<CommandOptions> {
    return Promise.resolve(options);
  }

  confirmCost(_plan: GenerationPlan): Promise<boolean> {
    return Promise.resolve(true);
  }

  confirmUpload(_paths: readonly string[], _uploadBaseUrl: string): Promise<boolean> {
    return Promise.resolve(true);
  }
}
