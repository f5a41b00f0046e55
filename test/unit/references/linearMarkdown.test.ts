/**
 * Documents written to hurt the finders (each found by a review with probes of 0.3): they still give
 * the right references, and in linear time. Each took seconds to minutes before (the CSS finder
 * copied the token list for every quoted url(), @lezer/markdown scanned to the end of the paragraph
 * after every `](`, the markup and script walks recursed until the stack gave out, and lost every
 * reference). The timeout of each case is far above what a linear finder takes here (about a tenth
 * of it) and far below what the old ones took: the figures themselves are `npm run bench`'s.
 */
import * as assert from 'node:assert/strict';
import { findReferences, type ReferenceLanguage } from '../../../src/references';

const values = (language: ReferenceLanguage, text: string): string[] => findReferences(language, text).map((reference) => reference.value);

describe('Finders stay linear on hostile documents', function () {
  this.timeout(3_000);

  it('CSS: 10,000 quoted url("…") (20 s before)', () => {
    const css = 'a { background: url("x.png") }\n'.repeat(10_000);
    assert.equal(values('css', css).length, 10_000);
  });

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

  it('HTML: an image 50,000 elements deep is found (every reference was lost before)', () => {
    const html = `${'<div>'.repeat(50_000)}<img src="deep.png" width="12" height="12">`;
    assert.deepEqual(values('html', html), ['deep.png']);
  });
});
