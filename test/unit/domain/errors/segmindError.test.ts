/**
 * The base of every typed error (src/domain/errors/segmindError.ts): whatever a subclass is built
 * with, its message is redacted before anything can log it, and its name is the concrete class's.
 */
import * as assert from 'node:assert/strict';
import { SegmindError } from '../../../../src/domain/errors/segmindError';

/** A subclass of its own, so the base is tested alone and not through one concrete error's wording. */
class ProbeError extends SegmindError {
  readonly kind = 'protocol';
  constructor(message: string) {
    super(message);
  }
}

describe('SegmindError', () => {
  it('redacts the message as it is built: a key pasted anywhere never reaches a log', () => {
    const error = new ProbeError('rejected SG_abcdef0123456789 with x-api-key: SG_zz and Authorization: Bearer tok123');
    assert.equal(error.message, 'rejected [redacted] with x-api-key: [redacted] and Authorization: Bearer [redacted]');
    assert.doesNotMatch(String(error.stack), /SG_abcdef0123456789|tok123/, 'the stack starts with the message, redacted too');
  });

  it('keeps a message without secrets as it is', () => {
    assert.equal(new ProbeError('Unexpected answer: no request_id').message, 'Unexpected answer: no request_id');
  });

  it('is an Error named after the concrete class, so logs and stacks say which failure it was', () => {
    const error = new ProbeError('x');
    assert.ok(error instanceof Error);
    assert.ok(error instanceof SegmindError);
    assert.equal(error.name, 'ProbeError');
    assert.match(String(error), /^ProbeError: x$/);
  });
});
