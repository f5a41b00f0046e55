/**
 * Sets of exact images, on fixtures: the size of each `srcset` candidate by its descriptor, the
 * sources of a `<picture>` taking their `<img>`'s size and alt, AVIF/GIF/ICO references, web app
 * manifests with the offsets of their values, and the element each reference belongs to.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { candidateSize, srcsetCandidates, type ImageReference } from '../../src/domain/references/imageReference';
import { findReferences, languageOfFile } from '../../src/references';
import { sizeFromSizes } from '../../src/references/manifest';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'references');
const fixture = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');

const sized = (reference: ImageReference): string => (reference.size ? `${reference.size.width}x${reference.size.height}` : 'none');

describe('Sets of exact images', () => {
  describe('the size of a srcset candidate', () => {
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

  describe('a page', () => {
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

    it('in JSX too: srcSet candidates sized by their descriptors, grouped by their element', () => {
      const jsx = 'export const Hero = () => <img src="hero.png" srcSet="hero.png 1x, hero@2x.png 2x" width={600} height={300} alt="Hero" />;';
      const references = findReferences('javascriptreact', jsx);
      assert.deepEqual(
        references.map((reference) => [reference.value, sized(reference)]),
        [
          ['hero.png', '600x300'],
          ['hero.png', '600x300'],
          ['hero@2x.png', '1200x600'],
        ],
      );
      assert.equal(new Set(references.map((reference) => reference.group)).size, 1);
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
  });

  describe('a web app manifest', () => {
    it('is known by its name', () => {
      assert.equal(languageOfFile('public/manifest.json'), 'webmanifest');
      assert.equal(languageOfFile('public/site.webmanifest'), 'webmanifest');
      assert.equal(languageOfFile('public/package.json'), undefined);
    });

    it('gives icons[].src and screenshots[].src with their sizes, the exact offsets, one entry one element', () => {
      const text = fixture('site.webmanifest');
      const found = findReferences('webmanifest', text);
      for (const reference of found) assert.equal(text.slice(reference.start, reference.end), reference.value);
      assert.deepEqual(
        found.map((reference) => [reference.value, sized(reference), reference.title]),
        [
          ['icons/icon-192.png', '192x192', undefined],
          ['/icons/icon-512.png', '512x512', undefined],
          ['icons/any.svg', 'none', undefined],
          ['shots/wide.png', '1280x720', 'The harbour map'],
        ],
      );
      assert.equal(new Set(found.map((reference) => reference.group)).size, 4);
    });

    it('reads sizes: the first of several, none for any', () => {
      assert.deepEqual(sizeFromSizes('48x48 96x96'), { width: 48, height: 48 });
      assert.equal(sizeFromSizes('any'), undefined);
      assert.equal(sizeFromSizes(undefined), undefined);
    });

    it('ignores what is not a manifest entry, and a file that is not JSON', () => {
      assert.deepEqual(findReferences('webmanifest', '{"name": "icon.png", "icons": "a.png"}'), []);
      assert.deepEqual(findReferences('webmanifest', '<html> a.png'), []);
    });
  });
});
