/**
 * The finders behind one call (references/index): each language id is read by its finder in the
 * right dialect (Less as SCSS, plain JavaScript with JSX, TypeScript without it), and the references
 * come back ordered by position whatever order a finder met them in. What each finder finds is
 * tested beside it (css, html, markdown, script, manifest).
 */
import * as assert from 'node:assert/strict';
import { values } from './referenceFixtures';

describe('Image references by language (references/index)', () => {
  it('orders the references by position, even when an element names its srcset before its src', () => {
    assert.deepEqual(values('html', '<img srcset="b.png 2x" src="a.png">'), ['b.png', 'a.png']);
    assert.deepEqual(values('javascriptreact', 'export const X = () => <img srcSet="b.png 2x" src="a.png" />;'), ['b.png', 'a.png']);
  });

  it('reads Less and SCSS with // line comments, CSS without them', () => {
    const text = '// url(commented.png)\na { background: url(real.png) }';
    assert.deepEqual(values('less', text), ['real.png']);
    assert.deepEqual(values('scss', text), ['real.png']);
    assert.deepEqual(values('css', text), ['commented.png', 'real.png'], 'in CSS // is not a comment');
  });

  it('reads plain JavaScript with JSX, and TypeScript without it (a cast is not an element)', () => {
    assert.deepEqual(values('javascript', 'export const X = () => <img src="a.png" />;'), ['a.png']);
    assert.deepEqual(values('typescript', 'const n = <number>value;\nimport a from "./cast.png";\n'), ['./cast.png']);
    assert.deepEqual(values('typescriptreact', 'const n = <number>value;\nimport a from "./cast.png";\n'), [], 'as TSX the cast breaks the file');
  });

  it('reads a manifest as JSON, and the same text as nothing else', () => {
    const text = '{ "icons": [{ "src": "icon.png" }] }';
    assert.deepEqual(values('webmanifest', text), ['icon.png']);
    assert.deepEqual(values('html', text), []);
  });
});
