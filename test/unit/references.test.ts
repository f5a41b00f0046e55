/**
 * The finders of src/references/, one language at a time, on fixtures: what must be found (with
 * the exact range of the path string, the size and the words the code gives) and what must not be
 * (comments, code, bound attributes, template expressions, URLs).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { imagePathOf, srcsetCandidates, suggestedPrompt } from '../../src/domain/references/imageReference';
import { foldersUp, resolveReference } from '../../src/domain/references/webRoot';
import { findReferences, languageOfFile, type ReferenceLanguage } from '../../src/references';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'references');

/** The values found, each checked to be exactly the text at its range. */
function valuesIn(language: ReferenceLanguage, text: string): string[] {
  const found = findReferences(language, text);
  for (const reference of found) assert.equal(text.slice(reference.start, reference.end), reference.value, `the range of ${reference.value}`);
  return found.map((reference) => reference.value);
}

const fixture = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');

describe('Image references in code', () => {
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

    it('srcset candidates, with and without descriptors', () => {
      const srcset = 'a.png 1x, b-2.png 2x,c.png';
      assert.deepEqual(
        srcsetCandidates(srcset).map(({ start, end }) => srcset.slice(start, end)),
        ['a.png', 'b-2.png', 'c.png'],
      );
    });

    it('the prompt: alt, else title, else the words of the file name', () => {
      assert.equal(suggestedPrompt({ alt: ' Mountain  trail ', title: 'x' }, 'img/a.png'), 'Mountain trail');
      assert.equal(suggestedPrompt({ title: 'A title' }, 'img/a.png'), 'A title');
      assert.equal(suggestedPrompt({}, 'img/hero-mountain_sunrise.png'), 'hero mountain sunrise');
      assert.equal(suggestedPrompt({ alt: '' }, 'teamPhoto.webp'), 'team Photo');
    });

    it('the language of a file by its extension', () => {
      assert.equal(languageOfFile('src/App.TSX'), 'typescriptreact');
      assert.equal(languageOfFile('README.md'), 'markdown');
      assert.equal(languageOfFile('notes.txt'), undefined);
    });
  });

  describe('where a reference resolves', () => {
    const context = { document: 'site/pages/about.html', webRoot: 'site/public' };

    it("a relative value against the document's folder, a root-absolute one inside the web root", () => {
      assert.equal(resolveReference('img/team.png', context), 'site/pages/img/team.png');
      assert.equal(resolveReference('../shared/logo.svg', context), 'site/shared/logo.svg');
      assert.equal(resolveReference('/img/hero.png', context), 'site/public/img/hero.png');
      assert.equal(resolveReference('/img/hero.png', { ...context, webRoot: '' }), 'img/hero.png', 'the workspace folder when there is no web root');
      assert.equal(resolveReference('./a\\b.png', context), 'site/pages/a/b.png');
    });

    it('outside the workspace folder or into .git: ignored', () => {
      assert.equal(resolveReference('../../../outside.png', context), undefined);
      assert.equal(resolveReference('/../../x.png', context), 'site/public/x.png', 'a root-absolute path stops at the web root, as in a browser');
      assert.equal(resolveReference('../../.git/x.png', context), undefined);
      assert.equal(resolveReference('/GIT~1/x.png', context), undefined);
    });

    it('the folders a web root is looked for in, nearest first, up to the workspace folder', () => {
      assert.deepEqual(foldersUp('site/pages/about.html'), ['site/pages', 'site', '']);
      assert.deepEqual(foldersUp('index.html'), ['']);
    });
  });

  describe('HTML', () => {
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
  });

  describe('Markdown', () => {
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
  });

  describe('CSS, SCSS, Less', () => {
    it('finds url() quoted and bare, and image-set candidates; not in comments or strings', () => {
      const text = fixture('styles.css');
      assert.deepEqual(valuesIn('css', text), ['img/bare.png', 'img/quoted.jpg', 'img/set-1x.png', 'img/set-2x.png', 'img/set-url.webp']);
    });

    it('SCSS line comments and interpolation are not references', () => {
      const text = fixture('styles.scss');
      assert.deepEqual(valuesIn('scss', text), ['img/scss.png']);
    });
  });

  describe('JavaScript and TypeScript', () => {
    it('finds imports, import(), require(), new URL(…, import.meta.url) and JSX attributes', () => {
      const text = fixture('component.tsx');
      assert.deepEqual(valuesIn('typescriptreact', text), [
        './logo.png',
        './lazy.webp',
        './required.jpg',
        './url.png',
        '/img/jsx-hero.png',
        'img/a-1x.png',
        'img/a-2x.png',
        '/img/component.png',
      ]);
      const hero = findReferences('typescriptreact', text).find((reference) => reference.value === '/img/jsx-hero.png');
      assert.deepEqual(hero?.size, { width: 800, height: 400 });
      assert.equal(hero?.alt, 'A JSX hero');
    });

    it('finds nothing in comments, template literals, expressions or plain strings', () => {
      const found = valuesIn('typescriptreact', fixture('component.tsx')).join(' ');
      for (const absent of ['commented', 'template', 'expression', 'plain-string', 'block-comment']) assert.doesNotMatch(found, new RegExp(absent));
    });

    it('TypeScript casts (<T>x) parse without JSX; a file that cannot be parsed reports nothing', () => {
      assert.deepEqual(valuesIn('typescript', 'const n = <number>value;\nimport a from "./cast.png";\n'), ['./cast.png']);
      assert.deepEqual(
        valuesIn('javascript', 'import a from "./broken.png";\n)))(((\n'),
        findReferences('javascript', 'import a from "./broken.png";\n)))(((\n').map((r) => r.value),
      );
    });
  });

  describe('what 0.3 missed', () => {
    it('TypeScript with decorators (Lit, Angular, NestJS): legacy and standard forms', () => {
      const lit = `import { LitElement, html } from 'lit';\nimport { customElement, property } from 'lit/decorators.js';\nimport icon from './icon.svg';\n@customElement('my-el')\nexport class MyEl extends LitElement {\n  @property() name = 'x';\n}\n`;
      assert.deepEqual(valuesIn('typescript', lit), ['./icon.svg']);
      const angular = `import { Component } from '@angular/core';\nconst logo = require('./logo.png');\n@Component({ selector: 'app-root', templateUrl: './app.html' })\nexport class App { constructor(@Inject(X) private x: X) {} }\n`;
      assert.deepEqual(valuesIn('typescript', angular), ['./logo.png']);
      assert.deepEqual(valuesIn('typescriptreact', `export @observer class View { render() { return <img src="view.png" />; } }\n`), ['view.png']);
    });

    it('<img> inside <noscript> is markup, in a page and in Markdown', () => {
      assert.deepEqual(
        valuesIn('html', '<html><head><noscript><img src="pixel.png"></noscript></head><body><noscript><img src="fallback.png"></noscript></body></html>'),
        ['pixel.png', 'fallback.png'],
      );
      assert.deepEqual(valuesIn('markdown', '<noscript><img src="md-fallback.png"></noscript>\n'), ['md-fallback.png']);
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
});
