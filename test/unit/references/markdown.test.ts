/**
 * Image references in Markdown (references/markdown), on a fixture: inline images, reference images
 * reported once at their definition, inline HTML, with alt text and title; and nothing in code spans,
 * fences, comments, links to other files or remote images.
 */
import * as assert from 'node:assert/strict';
import { findReferences } from '../../../src/references';
import { fixture, valuesIn } from './referenceFixtures';

describe('Image references in Markdown (references/markdown)', () => {
  it('finds inline images, reference images with their definition, and inline HTML, with alt and title', () => {
    const text = fixture('readme.md');
    assert.deepEqual(valuesIn('markdown', text), ['docs/screenshot.png', 'docs/angle one.png', 'img/inline-html.png', 'img/ref-image.png']);
    const [first] = findReferences('markdown', text);
    assert.equal(first?.alt, 'The main screen');
    assert.equal(first?.title, 'Screenshot');
  });

  it('finds nothing in code spans, fences, HTML comments, links to non-images or remote images', () => {
    const found = valuesIn('markdown', fixture('readme.md')).join(' ');
    for (const absent of ['in-code', 'fenced', 'commented', 'remote', 'notes']) assert.doesNotMatch(found, new RegExp(absent));
  });

  it('reports a reference image once, at the first definition of its label (matched without case); drops the <…> of a destination', () => {
    const text = '![One][Logo] and ![Two][ logo ]\n\n[logo]: img/logo.png "Logo"\n[LOGO]: img/second.png\n\n![angled](<img/my shot.png>)\n';
    const found = findReferences('markdown', text);
    assert.deepEqual(
      found.map((reference) => [reference.value, reference.alt, reference.title]),
      [
        ['img/logo.png', 'One', 'Logo'],
        ['img/my shot.png', 'angled', undefined],
      ],
    );
    assert.equal(found[0]?.start, text.indexOf('img/logo.png'), 'where the path is written: the definition');
    assert.equal(text.slice(found[1]?.start, found[1]?.end), 'img/my shot.png');
  });
});
