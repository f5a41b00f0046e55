/**
 * Image references in CSS, SCSS and Less (references/css): `url()` quoted and bare, the candidates of
 * `image-set()` as one element, and nothing in comments or strings, on fixtures; and a hostile
 * stylesheet read right to its end. That it is read in linear time is measured, not timed here:
 * `npm run bench` reads each hostile family at n and 2n repetitions and prints the ratio (near 2).
 */
import * as assert from 'node:assert/strict';
import { findReferences } from '../../../src/references';
import { fixture, values, valuesIn } from './referenceFixtures';

describe('Image references in CSS, SCSS, Less (references/css)', () => {
  it('finds url() quoted and bare, and image-set candidates; not in comments or strings', () => {
    const text = fixture('styles.css');
    assert.deepEqual(valuesIn('css', text), ['img/bare.png', 'img/quoted.jpg', 'img/set-1x.png', 'img/set-2x.png', 'img/set-url.webp']);
  });

  it('SCSS line comments and interpolation are not references', () => {
    const text = fixture('styles.scss');
    assert.deepEqual(valuesIn('scss', text), ['img/scss.png']);
  });

  it('one image-set() is one element', () => {
    const css = '.a { background: image-set("a.png" 1x, "a@2x.png" 2x); } .b { background: url(b.png); }';
    const references = findReferences('css', css);
    assert.deepEqual(
      references.map((reference) => reference.value),
      ['a.png', 'a@2x.png', 'b.png'],
    );
    assert.equal(references[0]?.group, references[1]?.group);
    assert.equal(references[0]?.group, css.indexOf('image-set'));
    assert.equal(references[2]?.group, undefined);
  });

  describe('hostile documents', () => {
    it('CSS: 10,000 quoted url("…") (20 s before)', () => {
      const css = 'a { background: url("x.png") }\n'.repeat(10_000);
      assert.equal(values('css', css).length, 10_000);
    });
  });
});
