/**
 * The text an agent's model reads after a call (src/agents/pure/agentAnswerText.ts), rendered from
 * the same answer that goes out as `structuredContent`: saved files with their request ids and
 * Markdown lines, failures, warnings, what was found elsewhere or not read, what to call next.
 */
import * as assert from 'node:assert/strict';
import { creditsText, fillText, findText, generateText, markdownOf, nextStep } from '../../../../src/agents/pure/agentAnswerText';

/** A missing reference as Fill Missing Images lists it. */
const missingEntry = { file: 'site/index.html', line: 3, reference: 'img/a.png', target: 'site/img/a.png', size: '400x300', prompt: 'A' };

describe("The text of an agent's answer", () => {
  it('the result is rendered from the answer: each file (path, size, format, model, request id, cost, Markdown), each failure, each warning', () => {
    const text = generateText({
      saved: [
        {
          path: 'web/og.png',
          width: 1200,
          height: 630,
          format: 'png',
          model: 'gpt-image-1',
          requestId: 'r-1',
          cost: 0.04,
          markdown: markdownOf('web/og.png', 'A hero image'),
        },
        { path: 'web/og-2.png', format: 'png', model: 'gpt-image-1', markdown: markdownOf('web/og-2.png', 'A hero image') },
      ],
      failed: [{ error: 'Segmind refused the job: rejected by the safety system.', requestId: 'r-3' }],
      warnings: ['web/og-2.png has no transparent pixels'],
    });
    assert.match(text, /^Saved 2 images:/);
    assert.match(text, /- web\/og\.png — 1200x630 PNG, gpt-image-1, request r-1, cost 0\.04/);
    assert.match(text, /Markdown: !\[A hero image\]\(web\/og\.png\)/);
    assert.match(text, /Warning: web\/og-2\.png has no transparent pixels/);
    assert.match(text, /One image failed: Segmind refused the job: rejected by the safety system\. \(request r-3\)/);
  });

  it('find says what to call next; fill names what it made and what not; both list the references found elsewhere', () => {
    const entry = { file: 'site/index.html', line: 3, reference: 'img/a.png', target: 'site/img/a.png', size: '400x300', prompt: 'A' };
    const elsewhere = [{ file: 'site/index.html', line: 4, reference: 'img/b.png', candidates: ['assets/img/b.png'] }];
    const next = nextStep(1, 'site');
    const find = findText({ missing: [entry], elsewhere, ...(next ? { next } : {}) });
    assert.match(find, /site\/index\.html:3 "img\/a\.png" → site\/img\/a\.png \(400x300\)/);
    assert.match(find, /site\/index\.html:4 "img\/b\.png" → found at assets\/img\/b\.png/);
    assert.match(find, /Call fill_missing_images \(mode "placeholder", scope "site"\)/);
    assert.equal(nextStep(0, undefined), undefined, 'nothing to make, nothing to call');
    const fill = fillText({
      missing: [
        { ...entry, saved: true },
        { ...entry, target: 'site/img/c.svg', saved: false, error: 'No model makes an SVG.' },
      ],
      saved: [{ path: 'site/img/a.png', width: 400, height: 300, format: 'png', placeholder: true, markdown: markdownOf('site/img/a.png', 'A') }],
      failed: [{ path: 'site/img/c.svg', error: 'No model makes an SVG.' }],
      warnings: [],
    });
    assert.match(fill, /- site\/img\/a\.png — 400x300 PNG, a free placeholder/);
    assert.match(fill, /- site\/img\/c\.svg: not made: No model makes an SVG\./);
  });

  it('a Markdown line names the file as a link would (spaces, # and ? escaped) with the prompt as alt text, or "Placeholder"', () => {
    assert.equal(markdownOf('web/og image#2?.png', 'A [red] "fox"'), '![A red fox](web/og%20image%232%3F.png)');
    assert.equal(markdownOf('web/slot.png', undefined), '![Placeholder](web/slot.png)');
  });

  it('one image is "1 image"; a file without a known size says so, and names no request or cost it does not have', () => {
    const text = generateText({ saved: [{ path: 'a.webp', format: 'webp', markdown: '![a](a.webp)' }], failed: [], warnings: [] });
    assert.equal(text, 'Saved 1 image:\n- a.webp — size unknown WEBP\n  Markdown: ![a](a.webp)');
  });

  it('nothing missing is said as such, but never where a file could not be read: those are listed, their images unknown', () => {
    assert.equal(findText({ missing: [] }), 'No missing images: every image the code refers to exists where its site serves it.');
    const unread = findText({ missing: [], notRead: [{ file: 'docs/huge.md', reason: 'over 2 MB' }] });
    assert.doesNotMatch(unread, /every image the code refers to exists/);
    assert.match(unread, /^No missing images in the files that could be read\.\n1 file was not read, so its images are unknown/);
    assert.match(unread, /- docs\/huge\.md: over 2 MB/);
  });

  it('counts references and the distinct images they miss: two references to one file are one image to make', () => {
    const text = findText({ missing: [missingEntry, { ...missingEntry, line: 9 }] });
    assert.match(text, /^2 references to 1 missing image:/);
    assert.doesNotMatch(text, /Call fill_missing_images/, 'no next step unless the answer carries one');
  });

  it('the next step names the scope only when the agent gave one; a fill says which target was made by an earlier reference', () => {
    assert.equal(
      nextStep(2, undefined),
      'Call fill_missing_images (mode "placeholder") for free placeholders, or (mode "generate") for paid generated images.',
    );
    const fill = fillText({
      missing: [
        { ...missingEntry, saved: true },
        { ...missingEntry, line: 9 },
      ],
      saved: [],
      failed: [],
      warnings: [],
    });
    assert.match(fill, /site\/index\.html:3 .* — made$/m);
    assert.match(fill, /site\/index\.html:9 .* — made for an earlier reference$/m);
    assert.doesNotMatch(fill, /^Saved/m, 'nothing saved, no "Saved" line');
  });

  it('the credits: the balance, today\'s spend with the agents\' part, and each limit, "none" where it is 0', () => {
    assert.equal(
      creditsText({ credits: 12.5, todaySpend: 0.3, agentSpend: 0.084, dailySpendLimit: 5, agentDailySpendLimit: 0 }),
      'Segmind credits: 12.5. Spent today on this machine: $0.30 (by agents: $0.08). Daily limits: $5.00 in all (segmind.dailySpendLimit), none for agents (segmind.agentDailySpendLimit).',
    );
  });
});
