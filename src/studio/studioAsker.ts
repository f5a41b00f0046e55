/**
 * How the Studio asks: it does not, but for the one-time upload consent. The form is the rest of
 * the answers: it shows the cost of several variants on the Generate button, and a missing key
 * becomes a notice with a Set API Key button.
 */
import { MissingApiKeyError } from '../domain/errors';
import type { CommandOptions } from '../domain/options';
import type { Asker } from '../flow/generationFlow';
import type { UploadConsent } from '../ui/uploadConsent';

export class StudioAsker implements Asker {
  constructor(private readonly consent: UploadConsent) {}

  provideKey(): Promise<boolean> {
    return Promise.reject(new MissingApiKeyError());
  }

  chooseImages(): Promise<readonly unknown[]> {
    return Promise.resolve([]);
  }

  complete(options: CommandOptions): Promise<CommandOptions> {
    return Promise.resolve(options);
  }

  confirmCost(): Promise<boolean> {
    return Promise.resolve(true);
  }

  confirmUpload(paths: readonly string[], uploadBaseUrl: string): Promise<boolean> {
    return this.consent.confirm(paths, uploadBaseUrl);
  }
}
