/**
 * The *Point to …* fix (domain/references/pointTo): the reference rewritten to name the file found
 * elsewhere, relative or root-absolute as the site serves it, keeping its query, fragment and encoding.
 */
import * as assert from 'node:assert/strict';
import { pointTo } from '../../../../src/domain/references/pointTo';

describe('Point to … (domain/references/pointTo)', () => {
  it('stays relative when the reference was relative', () => {
    assert.equal(pointTo('src/img/hero.png', { document: 'docs/guide/a.md', value: 'img/hero.png', servedAtRoot: [''] }), '../../src/img/hero.png');
    assert.equal(pointTo('docs/guide/shots/a.png', { document: 'docs/guide/a.md', value: './a.png', servedAtRoot: [] }), './shots/a.png');
    assert.equal(pointTo('docs/a.png', { document: 'docs/guide/a.md', value: './a.png', servedAtRoot: [] }), '../a.png');
  });

  it('is root-absolute when it was, and the candidate is in a folder served at /', () => {
    assert.equal(pointTo('website/static/img/hero.png', { document: 'docs/a.md', value: '/img/hero.png', servedAtRoot: ['website/static'] }), '/img/hero.png');
    assert.equal(pointTo('public/og.png', { document: 'index.html', value: '/images/og.png', servedAtRoot: ['public', ''] }), '/og.png');
    // Not in a served folder: a relative path is the only way to name it.
    assert.equal(pointTo('assets/og.png', { document: 'src/index.html', value: '/og.png', servedAtRoot: ['public'] }), '../assets/og.png');
  });

  it("is root-absolute when a relative path would leave the served folder (a page outside the site's static folder)", () => {
    assert.equal(pointTo('website/static/img/a.png', { document: 'docs/intro.md', value: 'img/a.png', servedAtRoot: ['website/static'] }), '/img/a.png');
    // A page inside the served folder keeps its relative path.
    assert.equal(pointTo('public/img/a.png', { document: 'public/index.html', value: 'a.png', servedAtRoot: ['public'] }), 'img/a.png');
  });

  it('keeps the query and the fragment, and encodes as the value did', () => {
    assert.equal(pointTo('img/hero.png', { document: 'a.html', value: 'images/hero.png?v=2#x', servedAtRoot: [] }), 'img/hero.png?v=2#x');
    assert.equal(pointTo('img/my shot.png', { document: 'a.md', value: 'my%20shot.png', servedAtRoot: [] }), 'img/my%20shot.png');
    assert.equal(pointTo('img/my shot.png', { document: 'a.md', value: 'shot.png', servedAtRoot: [] }), 'img/my%20shot.png');
  });
});
