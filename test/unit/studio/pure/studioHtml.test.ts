/** The Studio's HTML and its content security policy (studio/pure/studioHtml): nothing runs or loads but what the extension ships, by nonce. */
import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, renderStudioHtml } from '../../../../src/studio/pure/studioHtml';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const NONCE = 'dGhpc0lzQVJhbmRvbU5vbmNl';
const html = renderStudioHtml({
  cspSource: CSP_SOURCE,
  nonce: NONCE,
  scriptUri: `${CSP_SOURCE}/ext/dist/webview/studio.js`,
  styleUri: `${CSP_SOURCE}/ext/dist/webview/studio.css`,
  codiconUri: `${CSP_SOURCE}/ext/dist/codicons/codicon.css`,
  language: 'en',
});

function cspOf(page: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
  assert.ok(match, 'no CSP meta tag');
  return (match[1] ?? '').replace(/&#39;/g, "'");
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('Studio HTML and content security policy', () => {
  const csp = cspOf(html);
  const byName = directives(csp);

  it('denies everything by default', () => {
    assert.deepEqual(byName.get('default-src'), ["'none'"]);
  });

  it('runs only the script with the nonce, from the extension', () => {
    assert.deepEqual(byName.get('script-src'), [`'nonce-${NONCE}'`]);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? '');
    assert.equal(scripts.length, 1);
    assert.match(scripts[0] ?? '', new RegExp(`nonce="${NONCE}"`));
    assert.match(scripts[0] ?? '', /src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/studio\.js"/);
    assert.ok(!/<script\b[^>]*>[^<]+<\/script>/.test(html), 'no inline script body');
  });

  it("has no 'unsafe-inline', no 'unsafe-eval', no remote origin but the cspSource", () => {
    assert.ok(!csp.includes('unsafe-inline'));
    assert.ok(!csp.includes('unsafe-eval'));
    assert.ok(!csp.includes('*'));
    const origins = [...byName.values()].flat().filter((value) => !value.startsWith("'"));
    for (const origin of origins) assert.ok([CSP_SOURCE, 'data:', 'blob:'].includes(origin), `unexpected origin ${origin}`);
    assert.deepEqual(byName.get('style-src'), [CSP_SOURCE]);
    assert.deepEqual(byName.get('font-src'), [CSP_SOURCE]);
    assert.deepEqual(byName.get('img-src'), [CSP_SOURCE, 'data:', 'blob:']);
    assert.equal(byName.get('connect-src'), undefined);
  });

  it('has no inline styles, no style attributes and no inline event handlers', () => {
    assert.ok(!/<style\b/i.test(html));
    assert.ok(!/\sstyle=/i.test(html));
    assert.ok(!/\son[a-z]+=/i.test(html));
  });

  it('labels every control with the accessible names the README gives', () => {
    const labels = new Map([...html.matchAll(/<label for="([^"]+)">([^<]+)<\/label>/g)].map((match) => [match[2], match[1]]));
    for (const name of [
      'Prompt',
      'Model',
      'Size',
      'Quality',
      'Background',
      'Format',
      'Compression',
      'Moderation',
      'Variants',
      'Exact size',
      'Fit',
      'Save to',
    ]) {
      const id = labels.get(name);
      assert.ok(id, `no <label> "${name}"`);
      assert.match(html, new RegExp(`<(select|textarea|input)[^>]* id="${id}"`), `label "${name}" points at no control`);
    }
    assert.match(html, /<button type="button" id="generate"[^>]*>(<span[^>]*><\/span>)? Generate<\/button>/);
  });

  it('has one <h1> naming the page, and headings that do not skip a level (axe: page-has-heading-one, heading-order)', () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((match) => Number(match[1]));
    assert.deepEqual(
      levels.filter((level) => level === 1),
      [1],
    );
    assert.equal(levels[0], 1, 'the <h1> comes first');
    levels.forEach((level, index) => assert.ok(index === 0 || level <= (levels[index - 1] ?? 1) + 1, `h${level} after h${levels[index - 1]}`));
    assert.match(html, /<h1 class="visually-hidden">Image Studio<\/h1>/);
  });

  it('a fresh nonce per render; a weak nonce is refused', () => {
    assert.notEqual(contentSecurityPolicy(CSP_SOURCE, 'a'.repeat(24)), contentSecurityPolicy(CSP_SOURCE, 'b'.repeat(24)));
    assert.throws(() => renderStudioHtml({ cspSource: CSP_SOURCE, nonce: 'short', scriptUri: '', styleUri: '', codiconUri: '', language: 'en' }), /nonce/);
  });

  it('escapes the URIs it is given', () => {
    const page = renderStudioHtml({
      cspSource: CSP_SOURCE,
      nonce: NONCE,
      scriptUri: 'x"><script>alert(1)</script>',
      styleUri: '',
      codiconUri: '',
      language: 'en',
    });
    assert.equal([...page.matchAll(/<script\b/g)].length, 1);
  });

  it("carries the host's bundle as data the page cannot run, whatever a translation holds; the page speaks the display language", () => {
    const bundle = { Generate: 'Erzeugen</script><script>alert(1)</script>', Prompt: '<!-- Eingabe' };
    const page = renderStudioHtml({ cspSource: CSP_SOURCE, nonce: NONCE, scriptUri: 'studio.js', styleUri: '', codiconUri: '', language: 'de', bundle });
    assert.equal([...page.matchAll(/<script\b/g)].length, 2, 'the data block and the script');
    assert.equal([...page.matchAll(/<\/script>/g)].length, 2, 'no translation closes the data block');
    const data = /<script type="application\/json" id="l10n-bundle">([^<]*)<\/script>/.exec(page);
    assert.ok(data, 'a JSON data block, no nonce needed: it never runs');
    assert.deepEqual(JSON.parse(data[1] ?? ''), bundle);
    assert.match(page, /<html lang="de">/);
    assert.doesNotMatch(html, /l10n-bundle/, 'English needs no bundle');
  });
});
