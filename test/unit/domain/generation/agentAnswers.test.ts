/**
 * What each agent tool answers, as data (src/domain/generation/agentAnswers.ts): the schemas of the
 * MCP tools' `structuredContent` and their `outputSchema`, which must carry every fact the text says
 * (several agents read only the structured answer), and the annotations that decide what an agent
 * may run without asking.
 */
import * as assert from 'node:assert/strict';
import {
  AGENT_TOOL_ANNOTATIONS,
  AGENT_TOOL_ANSWER_SCHEMAS,
  agentToolOutputJsonSchema,
  creditsAnswerSchema,
  fillAnswerSchema,
  findAnswerSchema,
  generateAnswerSchema,
} from '../../../../src/domain/generation/agentAnswers';
import { AGENT_TOOL_NAMES } from '../../../../src/domain/generation/agentTools';

const saved = {
  path: 'web/og.png',
  width: 1200,
  height: 630,
  format: 'png',
  model: 'gpt-image-1',
  cost: 0.04,
  requestId: 'r-1',
  markdown: '![A hero](web/og.png)',
};
const missing = { file: 'site/index.html', line: 3, reference: 'img/a.png', target: 'site/img/a.png', size: '400x300', prompt: 'A' };

describe('agentAnswers', () => {
  it('every tool has an answer schema, and its outputSchema is an object schema without $schema', () => {
    assert.deepEqual(Object.keys(AGENT_TOOL_ANSWER_SCHEMAS), [...AGENT_TOOL_NAMES]);
    for (const name of AGENT_TOOL_NAMES) {
      const schema = agentToolOutputJsonSchema(name);
      assert.equal(schema.type, 'object', name);
      assert.equal('$schema' in schema, false, name);
    }
  });

  it('an image answer lists saved files, failures and warnings, all three always present', () => {
    assert.equal(
      generateAnswerSchema().safeParse({ saved: [saved], failed: [{ error: 'Refused.', requestId: 'r-2' }], warnings: ['no transparency'] }).success,
      true,
    );
    assert.equal(generateAnswerSchema().safeParse({ saved: [saved] }).success, false);
    assert.deepEqual(agentToolOutputJsonSchema('generate_image')['required'], ['saved', 'failed', 'warnings']);
  });

  it('a saved file always carries its path, format and Markdown line; size, model, cost and request id when known', () => {
    assert.equal(
      generateAnswerSchema().safeParse({ saved: [{ path: 'a.png', format: 'png', markdown: '![a](a.png)' }], failed: [], warnings: [] }).success,
      true,
    );
    const { markdown: _, ...withoutMarkdown } = saved;
    assert.equal(generateAnswerSchema().safeParse({ saved: [withoutMarkdown], failed: [], warnings: [] }).success, false);
  });

  it('find lists the missing references; what was found elsewhere, not read, and the next call are there when they apply', () => {
    assert.equal(findAnswerSchema().safeParse({ missing: [] }).success, true);
    const full = {
      missing: [missing],
      elsewhere: [{ file: 'site/index.html', line: 4, reference: 'img/b.png', candidates: ['assets/img/b.png'] }],
      notRead: [{ file: 'docs/huge.md', reason: 'over the size limit' }],
      next: 'Call fill_missing_images.',
    };
    assert.deepEqual(findAnswerSchema().parse(full), full, 'nothing of it is dropped');
    assert.equal(findAnswerSchema().safeParse({ missing: [{ ...missing, line: '3' }] }).success, false);
  });

  it('fill answers as find does plus what an image call answers: made, failed, warned', () => {
    const fill = { missing: [{ ...missing, saved: true }], saved: [saved], failed: [], warnings: [] };
    assert.deepEqual(fillAnswerSchema().parse(fill), fill);
    assert.equal(fillAnswerSchema().safeParse({ missing: [] }).success, false, 'saved, failed and warnings are always there');
  });

  it('the credits answer has every figure the text says, as numbers', () => {
    const credits = { credits: 12.5, todaySpend: 0.3, agentSpend: 0.08, dailySpendLimit: 5, agentDailySpendLimit: 0 };
    assert.deepEqual(creditsAnswerSchema().parse(credits), credits);
    assert.equal(creditsAnswerSchema().safeParse({ ...credits, credits: '12.5' }).success, false);
    assert.deepEqual(agentToolOutputJsonSchema('check_credits')['required'], Object.keys(credits));
  });

  it('annotations: finding and the credits are read-only; the image tools spend and write but never replace a file; each has a title', () => {
    assert.deepEqual(
      AGENT_TOOL_NAMES.filter((name) => AGENT_TOOL_ANNOTATIONS[name].readOnlyHint),
      ['find_missing_images', 'check_credits'],
    );
    for (const name of ['generate_image', 'fill_missing_images'] as const) {
      assert.deepEqual([AGENT_TOOL_ANNOTATIONS[name].destructiveHint, AGENT_TOOL_ANNOTATIONS[name].openWorldHint], [false, true], name);
    }
    assert.equal(AGENT_TOOL_ANNOTATIONS.find_missing_images.openWorldHint, false, 'finding reads the workspace only');
    for (const name of AGENT_TOOL_NAMES) assert.ok(AGENT_TOOL_ANNOTATIONS[name].title.length > 0, name);
  });
});
