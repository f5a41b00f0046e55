/**
 * Image references in JavaScript and TypeScript (references/script), on a fixture: imports,
 * `import()`, `require()`, `new URL(…, import.meta.url)` and JSX attributes with their size and alt;
 * nothing in comments, template literals or plain strings; TypeScript casts and decorators parse; a
 * JSX `srcSet` gives each candidate its own size and one element.
 */
import * as assert from 'node:assert/strict';
import { findReferences } from '../../../src/references';
import { fixture, sized, valuesIn } from './referenceFixtures';

describe('Image references in JavaScript and TypeScript (references/script)', () => {
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

  it('TypeScript with decorators (Lit, Angular, NestJS): legacy and standard forms (0.3 missed them)', () => {
    const lit = `import { LitElement, html } from 'lit';\nimport { customElement, property } from 'lit/decorators.js';\nimport icon from './icon.svg';\n@customElement('my-el')\nexport class MyEl extends LitElement {\n  @property() name = 'x';\n}\n`;
    assert.deepEqual(valuesIn('typescript', lit), ['./icon.svg']);
    const angular = `import { Component } from '@angular/core';\nconst logo = require('./logo.png');\n@Component({ selector: 'app-root', templateUrl: './app.html' })\nexport class App { constructor(@Inject(X) private x: X) {} }\n`;
    assert.deepEqual(valuesIn('typescript', angular), ['./logo.png']);
    assert.deepEqual(valuesIn('typescriptreact', `export @observer class View { render() { return <img src="view.png" />; } }\n`), ['view.png']);
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
});
