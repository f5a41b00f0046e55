/** The base of every typed error here: a kind the edge words, and a message that is always redacted (src/domain/errors/errors.ts has them all). */
import { redact } from '../safety/redact';

export type SegmindErrorKind =
  | 'invalid-parameters'
  | 'missing-api-key'
  | 'unauthorized'
  | 'forbidden'
  | 'bad-request'
  | 'not-found'
  | 'job-expired'
  | 'not-acceptable'
  | 'model-retired'
  | 'job-failed'
  | 'rate-limited'
  | 'server'
  | 'unexpected-status'
  | 'network'
  | 'request-timeout'
  | 'job-timeout'
  | 'protocol'
  | 'cancelled'
  | 'configuration'
  | 'no-workspace'
  | 'unsafe-destination'
  | 'spend-limit'
  | 'spend-ledger-busy'
  | 'untrusted-workspace';

export abstract class SegmindError extends Error {
  abstract readonly kind: SegmindErrorKind;

  protected constructor(message: string) {
    super(redact(message));
    this.name = new.target.name;
  }
}
