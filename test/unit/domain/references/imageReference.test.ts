/**
 * The rules every finder shares (domain/references/imageReference): which values count as image
 * paths, the candidates of a `srcset` and the size each is shown at, the size an element gives, and
 * the prompt the code suggests. The finders only locate strings; these rules decide what they mean.
 */
import * as assert from 'node:assert/strict';
import { candidateSize, imagePathOf, sizeOf, srcsetCandidates, suggestedPrompt } from '../../../../src/domain/references/imageReference';

describe('Image references: the shared rules (domain/references/imageReference)', () => {
  describe('which values count', () => {
    it('image extensions only, after dropping ?query and #hash, percent-decoded', () => {
      assert.equal(imagePathOf('img/hero.png?v=2#top'), 'img/hero.png');
      assert.equal(imagePathOf('img/my%20logo.SVG'), 'img/my logo.SVG');
      assert.equal(imagePathOf('doc.pdf'), undefined);
      assert.equal(imagePathOf('.png'), undefined);
    });

    it('never a scheme, a host, an alias or a template expression', () => {
      for (const value of [
        'https://cdn.example/a.png',
        'data:image/png;base64,AAA.png',
        'blob:x.png',
        '//cdn/a.png',
        '~/a.png',
        '@/assets/a.png',
        '{{ base }}/a.png',
        '${base}/a.png',
        '<%= base %>/a.png',
        '#{$base}/a.png',
        '@{base}/a.png',
        '{hero}.png',
        'C:/a.png',
      ]) {
        assert.equal(imagePathOf(value), undefined, value);
      }
    });

    it('the prompt: alt, else title, else the words of the file name', () => {
      assert.equal(suggestedPrompt({ alt: ' Mountain  trail ', title: 'x' }, 'img/a.png'), 'Mountain trail');
      assert.equal(suggestedPrompt({ title: 'A title' }, 'img/a.png'), 'A title');
      assert.equal(suggestedPrompt({}, 'img/hero-mountain_sunrise.png'), 'hero mountain sunrise');
      assert.equal(suggestedPrompt({ alt: '' }, 'teamPhoto.webp'), 'team Photo');
    });

    it('an element’s size only when both sides are whole pixels: 1200, "1200", "1200px"; never 50%, auto or 0', () => {
      assert.deepEqual(sizeOf(1200, '630'), { width: 1200, height: 630 });
      assert.deepEqual(sizeOf(' 800px ', '400PX'), { width: 800, height: 400 });
      assert.equal(sizeOf('50%', 300), undefined);
      assert.equal(sizeOf('auto', 300), undefined);
      assert.equal(sizeOf(0, 300), undefined);
      assert.equal(sizeOf(600, undefined), undefined, 'a width alone says nothing of the height');
    });
  });

  describe('srcset candidates and their sizes', () => {
    it('srcset candidates, with and without descriptors', () => {
      const srcset = 'a.png 1x, b-2.png 2x,c.png';
      assert.deepEqual(
        srcsetCandidates(srcset).map(({ start, end }) => srcset.slice(start, end)),
        ['a.png', 'b-2.png', 'c.png'],
      );
    });

    it('reads each descriptor as written', () => {
      const srcset = 'a.png, b.png 2x, c.png 1.5x,d.png 480w';
      assert.deepEqual(
        srcsetCandidates(srcset).map(({ start, end, descriptor }) => [srcset.slice(start, end), descriptor]),
        [
          ['a.png', undefined],
          ['b.png', '2x'],
          ['c.png', '1.5x'],
          ['d.png', '480w'],
        ],
      );
    });

    it('Nx multiplies the element size; Nw sets the width, height by the ratio, else square', () => {
      const element = { width: 600, height: 300 };
      assert.deepEqual(candidateSize(element, undefined), element);
      assert.deepEqual(candidateSize(element, '1x'), element);
      assert.deepEqual(candidateSize(element, '2x'), { width: 1200, height: 600 });
      assert.deepEqual(candidateSize(element, '1.5x'), { width: 900, height: 450 });
      assert.deepEqual(candidateSize(element, '480w'), { width: 480, height: 240 });
      assert.deepEqual(candidateSize(undefined, '480w'), { width: 480, height: 480 });
      assert.equal(candidateSize(undefined, '2x'), undefined);
      assert.deepEqual(candidateSize(element, '0x'), element, 'a descriptor that means nothing leaves the size as it is');
    });
  });
});
