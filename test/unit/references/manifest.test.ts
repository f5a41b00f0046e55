/**
 * Image references in a web app manifest (references/manifest), on a fixture: `icons[].src` and
 * `screenshots[].src` with the exact offsets of their values, sized by `sizes`, one entry one
 * element; nothing outside those lists, and nothing from a file that is not JSON.
 */
import * as assert from 'node:assert/strict';
import { findReferences } from '../../../src/references';
import { sizeFromSizes } from '../../../src/references/manifest';
import { fixture, sized } from './referenceFixtures';

describe('Image references in a web app manifest (references/manifest)', () => {
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

  it('reads a manifest with a comment and a trailing comma; skips a value whose written text is not its value (an escaped \\/)', () => {
    const text = '{\n  // the app icons\n  "icons": [{ "src": "icons/a.png", "sizes": "64x64" }, { "src": "icons\\/b.png" },],\n}';
    const found = findReferences('webmanifest', text);
    assert.deepEqual(
      found.map((reference) => [reference.value, sized(reference), reference.intrinsic]),
      [['icons/a.png', '64x64', true]],
    );
    assert.equal(text.slice(found[0]?.start, found[0]?.end), 'icons/a.png');
  });
});
