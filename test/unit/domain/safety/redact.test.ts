import * as assert from 'node:assert/strict';
import { REDACTED, redact } from '../../../../src/domain/safety/redact';
import { ProtocolError, UnauthorizedError } from '../../../../src/domain/errors/errors';

const KEY = 'SG_0123456789abcdef';

describe('redact', () => {
  it('removes anything shaped like a Segmind key', () => {
    const out = redact(`bad key ${KEY} and SG_ffffffffffff`);
    assert.ok(!out.includes(KEY));
    assert.ok(!out.includes('SG_ffffffffffff'));
    assert.equal(out, `bad key ${REDACTED} and ${REDACTED}`);
  });
  it('removes x-api-key header values in any common spelling', () => {
    for (const text of ['x-api-key: abc123secret', 'X-Api-Key=abc123secret', '{"x-api-key":"abc123secret"}', "'x-api-key': 'abc123secret'"]) {
      const out = redact(text);
      assert.ok(!out.includes('abc123secret'), out);
      assert.ok(out.includes(REDACTED));
    }
  });
  it('removes bearer tokens', () => {
    const out = redact('Authorization: Bearer tok_abcdef123');
    assert.ok(!out.includes('tok_abcdef123'));
    assert.match(out, /Bearer \[redacted\]/);
  });
  it('removes known secrets of any shape, but not very short ones', () => {
    assert.equal(redact('key=hunter2hunter2 again hunter2hunter2', ['hunter2hunter2']), `key=${REDACTED} again ${REDACTED}`);
    assert.equal(redact('the cat sat', ['cat']), 'the cat sat');
  });
  it('leaves ordinary text alone', () => {
    const text = 'Insufficient credits. Your balance is 0.5, SG is great, SG_ alone';
    assert.equal(redact(text), text);
  });
  it('is applied to every error message', () => {
    assert.ok(!new UnauthorizedError(`invalid key ${KEY}`).message.includes(KEY));
    assert.ok(!new ProtocolError(`x-api-key: ${KEY}`).message.includes(KEY));
  });
});
