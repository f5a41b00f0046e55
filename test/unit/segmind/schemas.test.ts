/**
 * The service's answers as the client reads them (segmind/schemas): numbers given as strings read as
 * numbers, strange accounting figures dropped rather than failing a paid job, a submit answer without
 * its request id refused by name, and unknown fields kept (the contract is loose).
 */
import * as assert from 'node:assert/strict';
import { answerSchemas, describeIssues } from '../../../src/segmind/schemas';

describe("The service's answers (segmind/schemas)", () => {
  it('reads numbers given as strings and drops strange accounting figures', () => {
    assert.deepEqual(answerSchemas().creditsAnswerSchema.parse({ credits: '12.50', 'free-credits': 'n/a' }), { credits: 12.5, 'free-credits': undefined });
    const result = answerSchemas().resultAnswerSchema.parse({ status: 'COMPLETED', metrics: { cost: '0.04', remaining_credits: null, inference_time: 3 } });
    assert.equal(result.metrics?.cost, 0.04);
    assert.equal(result.metrics?.remaining_credits, undefined);
    assert.equal(result.metrics?.inference_time, 3);
  });
  it('requires request_id in a submit answer and names it', () => {
    const parsed = answerSchemas().submitAnswerSchema.safeParse({ status: 'QUEUED' });
    assert.ok(!parsed.success);
    assert.match(describeIssues(parsed.error), /^request_id: /);
    assert.ok(!answerSchemas().submitAnswerSchema.safeParse({ request_id: '' }).success);
  });
  it('keeps unknown fields (the contract is loose)', () => {
    assert.equal((answerSchemas().submitAnswerSchema.parse({ request_id: 'a', poll_url: 'x', extra: 1 }) as Record<string, unknown>).extra, 1);
  });
});
