/**
 * Markdown written to hurt the parser (references/linearMarkdown), each found by a review with probes
 * of 0.3: the references are still right, and the stack holds. @lezer/markdown scanned to the end
 * of the paragraph after every `](` (11 s for the case below), and nested emphasis exhausted the
 * stack. That each family is read in linear time is measured, not timed here (a timed test fails on a
 * busy machine): `npm run bench` reads each at n and 2n repetitions and prints the ratio, near 2. The
 * CSS and HTML cases of the same review are in css.test.ts and html.test.ts.
 */
import * as assert from 'node:assert/strict';
import { values } from './referenceFixtures';

describe('Markdown on hostile documents (references/linearMarkdown)', () => {
  it('Markdown: 195 KiB of unclosed `![a](` before a real image (11 s before)', () => {
    const markdown = `${'![a]('.repeat(40_000)}\n\n![hero](img/hero.png)`;
    assert.deepEqual(values('markdown', markdown), ['img/hero.png']);
  });

  it('Markdown: unclosed titles, unclosed comments, brackets without a match, thousands of links, nested emphasis', () => {
    const tail = '\n\n![last](img/last.png)';
    for (const [name, body] of [
      ['titles', '![a](x.png ('.repeat(40_000)],
      ['comments', 'a<!--'.repeat(40_000)],
      ['processing instructions', 'a<?'.repeat(40_000)],
      ['closers after code spans', '`a.png`]'.repeat(40_000)],
      ['nested brackets', `${'['.repeat(20_000)}a${']'.repeat(20_000)}`],
      ['links', '[a.png] '.repeat(40_000)],
      ['reference-like lines', '[a]: x.png "'.repeat(40_000)],
      ['nested emphasis', `${'*a '.repeat(20_000)}${'b*'.repeat(20_000)}`],
    ] as const) {
      assert.deepEqual(values('markdown', body + tail), ['img/last.png'], name);
    }
  });

  it('Markdown: brackets inside an image’s alt text still pair, links around images still hold them', () => {
    assert.deepEqual(values('markdown', '![Screenshot [beta] of it](shot.png) and [![badge](badge.svg)](https://example.com)'), ['shot.png', 'badge.svg']);
    assert.deepEqual(values('markdown', 'a <!-- ![no](hidden.png) --> b ![yes](shown.png)'), ['shown.png']);
  });
});
