/**
 * Links to a made image (domain/references/links): which documents take which syntax, the link
 * written in each, its path from the document, and alt text that cannot break out of the link.
 */
import * as assert from 'node:assert/strict';
import { altText, imageLink, linkLanguageFor, relativeImagePath } from '../../../../src/domain/references/links';

describe('Links to a made image (domain/references/links)', () => {
  it('knows which documents get which syntax', () => {
    assert.equal(linkLanguageFor('markdown'), 'markdown');
    assert.equal(linkLanguageFor('mdx'), 'markdown');
    assert.equal(linkLanguageFor('html'), 'html');
    assert.equal(linkLanguageFor('vue'), 'html');
    assert.equal(linkLanguageFor('css'), 'css');
    assert.equal(linkLanguageFor('scss'), 'css');
    assert.equal(linkLanguageFor('javascriptreact'), 'jsx');
    assert.equal(linkLanguageFor('typescriptreact'), 'jsx');
    assert.equal(linkLanguageFor('python'), undefined);
    assert.equal(linkLanguageFor('plaintext'), undefined);
  });

  it('writes a link in each syntax', () => {
    assert.equal(imageLink('markdown', './assets/cat.png', 'a cat'), '![a cat](./assets/cat.png)');
    assert.equal(imageLink('html', '../assets/cat.png', 'a cat'), '<img src="../assets/cat.png" alt="a cat">');
    assert.equal(imageLink('css', '../assets/cat.png', 'ignored'), 'url("../assets/cat.png")');
    assert.equal(imageLink('jsx', './cat.webp', 'a cat'), '<img src="./cat.webp" alt="a cat" />');
  });

  it('encodes characters that would break the link', () => {
    assert.equal(imageLink('markdown', './assets/my cat.png', 'x'), '![x](./assets/my%20cat.png)');
    assert.equal(imageLink('html', './a"b.png', 'x'), '<img src="./a%22b.png" alt="x">');
    for (const language of ['markdown', 'html', 'css', 'jsx'] as const) {
      const link = imageLink(language, './assets/logo#2-edit.png', 'x');
      assert.ok(link.includes('logo%232-edit.png'), link);
      const query = imageLink(language, './assets/what?.png', 'x');
      assert.ok(query.includes('what%3F.png'), query);
    }
    assert.equal(imageLink('markdown', './assets/café.png', 'x'), '![x](./assets/caf%C3%A9.png)');
  });

  it('makes alt text from the prompt, safe inside [...] and "..."', () => {
    assert.equal(altText('a [red] "fox" <b>bold</b> \\ back'), 'a red fox bbold/b  back');
    assert.equal(altText('  line one\n\nline two\t '), 'line one line two');
    const long = altText('word '.repeat(100));
    assert.equal(long.length, 100);
    assert.ok(long.endsWith('…'));
    const link = imageLink('markdown', './a.png', altText('](http://evil) ["x"]'));
    assert.equal((link.match(/\]/g) ?? []).length, 1);
    const html = imageLink('html', './a.png', altText('" onerror="alert(1)'));
    assert.equal((html.match(/"/g) ?? []).length, 4);
  });

  it('computes the path from the document to the image', () => {
    assert.equal(relativeImagePath('README.md', 'assets/cat.png'), './assets/cat.png');
    assert.equal(relativeImagePath('docs/guide/intro.md', 'assets/cat.png'), '../../assets/cat.png');
    assert.equal(relativeImagePath('assets/notes.md', 'assets/cat.png'), './cat.png');
    assert.equal(relativeImagePath('src/App.tsx', 'src/assets/cat.png'), './assets/cat.png');
  });
});
