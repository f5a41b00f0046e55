/**
 * How the Studio asks: not at all, but for the one-time upload consent. The form is the rest of the
 * answers: it shows the cost of several variants on the Generate button, and a missing key becomes
 * a notice with a Set API Key button.
 */
import { AsksNothing } from '../flow/asksNothing';
import type { UploadConsent } from '../ui/uploadConsent';

export class StudioAsker extends AsksNothing {
  constructor(private readonly consent: UploadConsent) {
    super();
  }

  override confirmUpload(paths: readonly string[], uploadBaseUrl: string): Promise<boolean> {
    return this.consent.confirm(paths, uploadBaseUrl);
  }
}
