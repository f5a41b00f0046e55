/**
 * Image references in markup (references/html), on fixtures: what must be found (with the exact
 * range, the size and the alt text the markup gives; every `srcset` candidate sized by its
 * descriptor; the sources of a `<picture>` as one element) and what must not be (comments, scripts,
 * bound attributes, URLs). Vue and Svelte components are markup whose `<script>` and `<style>` the
 * markup finder hands to the script and CSS finders. A page 50,000 elements deep is still read.
 */
import * as assert from 'node:assert/strict';
import type { ImageReference } from '../../../src/domain/references/imageReference';
import { findReferences } from '../../../src/references';
import { fixture, sized, values, valuesIn } from './referenceFixtures';

describe('Image references in markup (references/html)', () => {
  describe('a page', () => {
    it('finds img, srcset, source, video poster, icons and social images, with size and alt', () => {
      const text = fixture('page.html');
      assert.deepEqual(valuesIn('html', text), [
        '/favicon.png',
        '/img/og.png',
        'img/twitter.jpg',
        '/img/hero.png',
        'img/hero-2x.png',
        'img/hero-3x.png',
        'img/wide.webp',
        'media/poster.jpg',
        'img/in-template.png',
        'img/bg.png',
      ]);
      const hero = findReferences('html', text).find((reference) => reference.value === '/img/hero.png');
      assert.deepEqual(hero?.size, { width: 1200, height: 630 });
      assert.equal(hero?.alt, 'Mountain trail at sunrise');
    });

    it('finds nothing in comments, scripts, bound attributes, other rels or URLs', () => {
      const text = fixture('page.html');
      const found = valuesIn('html', text).join(' ');
      for (const absent of ['commented', 'script-text', 'stylesheet', 'remote', 'in-js-comment', 'mustache', 'inline-data'])
        assert.doesNotMatch(found, new RegExp(absent));
    });

    it('<img> inside <noscript> is markup, in a page and in Markdown', () => {
      assert.deepEqual(
        valuesIn('html', '<html><head><noscript><img src="pixel.png"></noscript></head><body><noscript><img src="fallback.png"></noscript></body></html>'),
        ['pixel.png', 'fallback.png'],
      );
      assert.deepEqual(valuesIn('markdown', '<noscript><img src="md-fallback.png"></noscript>\n'), ['md-fallback.png']);
    });
  });

  describe('sets of exact images in a page', () => {
    const text = fixture('sets.html');
    const found = findReferences('html', text);
    const byValue = new Map(found.map((reference) => [reference.value, reference]));
    const of = (value: string): ImageReference => {
      const reference = byValue.get(value);
      assert.ok(reference, `${value} is found`);
      assert.equal(text.slice(reference.start, reference.end), value, `the range of ${value}`);
      return reference;
    };

    it('sizes every candidate by its descriptor', () => {
      assert.deepEqual(
        ['img/hero.png', 'img/hero@2x.png', 'img/hero@3x.png', 'img/field-480.jpg', 'img/field-960.jpg', 'img/square-320.webp'].map((value) =>
          sized(of(value)),
        ),
        ['600x300', '1200x600', '1800x900', '480x360', '960x720', '320x320'],
      );
    });

    it('gives the sources of a <picture> its <img> size and alt, unless a source has its own', () => {
      for (const value of ['img/boat.avif', 'img/boat.webp', 'img/boat.jpg']) {
        assert.equal(sized(of(value)), '1200x800', value);
        assert.equal(of(value).alt, 'A boat in the harbour', value);
      }
      assert.equal(sized(of('img/boat-wide.webp')), '1600x600');
    });

    it('counts AVIF, GIF and ICO references', () => {
      assert.equal(sized(of('img/loading.gif')), '64x64');
      assert.equal(sized(of('/favicon.ico')), 'none');
      assert.ok(byValue.has('img/boat.avif'));
    });

    it('groups the references of one element: an <img> with its srcset, a <picture> with its sources', () => {
      const groupOf = (value: string): number | undefined => of(value).group;
      assert.equal(groupOf('img/hero.png'), groupOf('img/hero@3x.png'));
      assert.equal(groupOf('img/field-480.jpg'), groupOf('img/field-960.jpg'));
      assert.notEqual(groupOf('img/hero.png'), groupOf('img/field-480.jpg'));
      const picture = text.indexOf('<picture>');
      for (const value of ['img/boat.avif', 'img/boat.webp', 'img/boat-wide.webp', 'img/boat.jpg']) assert.equal(groupOf(value), picture, value);
      assert.notEqual(groupOf('img/loading.gif'), groupOf('/favicon.ico'));
    });
  });

  describe('Vue and Svelte', () => {
    it('template, script and style of a Vue component; bound attributes skipped', () => {
      assert.deepEqual(valuesIn('vue', fixture('card.vue')), ['img/card.png', './script.png', 'img/style.png']);
    });

    it('a Svelte component; {expressions} skipped', () => {
      assert.deepEqual(valuesIn('svelte', fixture('card.svelte')), ['./svelte-script.png', 'img/svelte.png']);
    });
  });

  // Found right to the end; how the time grows with the document is npm run bench's (n and 2n, the ratio near 2).
  describe('hostile documents', () => {
    it('HTML: an image 50,000 elements deep is found (every reference was lost before)', () => {
      const html = `${'<div>'.repeat(50_000)}<img src="deep.png" width="12" height="12">`;
      assert.deepEqual(values('html', html), ['deep.png']);
    });
  });
});
