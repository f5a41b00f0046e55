/**
 * Which documents are read for image references (references/languages), without loading a parser:
 * the language of a file by its extension or name (web app manifests by name), the language a
 * document open in the editor is read as, and the cheap check that skips texts naming no image.
 */
import * as assert from 'node:assert/strict';
import { isReferenceLanguage, languageOfFile, mayNameAnImage, referenceLanguageOf, REFERENCE_FILE_EXTENSIONS } from '../../../src/references/languages';

describe('Which documents are read (references/languages)', () => {
  it('the language of a file by its extension', () => {
    assert.equal(languageOfFile('src/App.TSX'), 'typescriptreact');
    assert.equal(languageOfFile('README.md'), 'markdown');
    assert.equal(languageOfFile('notes.txt'), undefined);
  });

  it('a web app manifest is known by its name', () => {
    assert.equal(languageOfFile('public/manifest.json'), 'webmanifest');
    assert.equal(languageOfFile('public/site.webmanifest'), 'webmanifest');
    assert.equal(languageOfFile('public/package.json'), undefined);
  });

  it('a file without an extension is not read; the scan looks at .json files only for manifest.json', () => {
    assert.equal(languageOfFile('Makefile'), undefined);
    assert.equal(languageOfFile('src/.vue/readme'), undefined, 'a dot in a folder name is no extension');
    assert.ok(REFERENCE_FILE_EXTENSIONS.includes('json') && REFERENCE_FILE_EXTENSIONS.includes('webmanifest'));
    assert.equal(languageOfFile('tsconfig.json'), undefined);
  });

  it('an open document: its own language when read, a manifest the editor calls JSON as a manifest, else none', () => {
    assert.equal(isReferenceLanguage('svelte'), true);
    assert.equal(isReferenceLanguage('python'), false);
    assert.equal(referenceLanguageOf({ languageId: 'vue', uri: { path: '/w/src/Card.vue' } }), 'vue');
    assert.equal(referenceLanguageOf({ languageId: 'json', uri: { path: '/w/public/Manifest.JSON' } }), 'webmanifest');
    assert.equal(referenceLanguageOf({ languageId: 'json', uri: { path: '/w/package.json' } }), undefined);
    assert.equal(referenceLanguageOf({ languageId: 'plaintext', uri: { path: '/w/a.webmanifest' } }), 'webmanifest');
  });

  it('a text may name an image only if it holds an image extension, in any case, or a percent-encoded dot', () => {
    assert.equal(mayNameAnImage('<img src="hero.PNG">'), true);
    assert.equal(mayNameAnImage('url(photo.jpeg)'), true);
    assert.equal(mayNameAnImage('![a](hero%2Epng)'), true, 'a dot written %2E still makes an image path');
    assert.equal(mayNameAnImage('# Notes\n\nSee [the guide](guide.md) and notes.pdf.'), false);
    assert.equal(mayNameAnImage(''), false);
  });
});
