/**
 * What a page's front matter says of its URL (sites/pageUrls): Jekyll's `permalink`, and its
 * `categories` (or `category`) written as a list or as words; a page that says neither has no facts.
 */
import * as assert from 'node:assert/strict';
import { pageFacts } from '../../../src/sites/pageUrls';

describe('A page’s URL facts (sites/pageUrls)', () => {
  it('the permalink, and categories as words or as a list', () => {
    assert.deepEqual(pageFacts({ permalink: '/about/', categories: 'news  release' }), { permalink: '/about/', categories: ['news', 'release'] });
    assert.deepEqual(pageFacts({ categories: ['news', 3, 'release'] }), { categories: ['news', 'release'] }, 'only the words of a list');
    assert.deepEqual(pageFacts({ category: 'news' }), { categories: ['news'] });
  });

  it('none when the front matter says nothing of the URL, or there is none', () => {
    assert.equal(pageFacts({ title: 'About', categories: [] }), undefined);
    assert.equal(pageFacts({ permalink: 42 }), undefined, 'a permalink that is not text is no URL');
    assert.equal(pageFacts(undefined), undefined);
  });
});
