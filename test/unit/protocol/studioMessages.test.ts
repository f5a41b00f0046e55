/** What the host accepts from the Studio webview (protocol/studioMessages): every message parsed with zod before it is acted on, since the webview is untrusted. */
import * as assert from 'node:assert/strict';
import { looksLikePngDataUrl, MAX_PROMPT_CHARS, parseWebviewMessage } from '../../../src/protocol/studioMessages';
import type { WebviewToHost } from '../../../src/protocol/studioProtocol';

const PNG_1X1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const parameters = { size: '1024x1024', quality: 'high', background: 'opaque', outputFormat: 'png', outputCompression: 100, moderation: 'auto' } as const;
const request = { prompt: 'a red fox', model: 'gpt-image-1' as const, parameters, variants: 2, inputs: [] as string[] };

const valid: WebviewToHost[] = [
  { type: 'ready' },
  { type: 'generate', request },
  { type: 'generate', request: { ...request, resize: '1200x630', fit: 'contain' } },
  { type: 'generate', request: { ...request, model: 'gpt-image-1-edit', inputs: ['file:///ws/images/logo.png'], mask: PNG_1X1 } },
  { type: 'cancelJob', jobId: '0b5b2c1e-7d1a-4c57-9d0e-2a0b1c2d3e4f' },
  { type: 'openJobImage', jobId: 'abc_123' },
  { type: 'pickInputs' },
  { type: 'addInputs', uris: ['file:///ws/a.png', 'vscode-remote://127.0.0.1:8080/ws/b.webp'] },
  { type: 'galleryAction', action: 'open', uri: 'file:///ws/assets/fox.png' },
  { type: 'galleryAction', action: 'reveal', uri: 'file:///ws/assets/fox.png' },
  { type: 'galleryAction', action: 'copyLink', uri: 'file:///ws/assets/fox.png' },
  { type: 'galleryAction', action: 'useAsInput', uri: 'file:///ws/assets/fox.png' },
  { type: 'galleryAction', action: 'regenerate', uri: 'file:///ws/assets/fox.png' },
  { type: 'runCommand', command: 'setApiKey' },
  { type: 'runCommand', command: 'showLog' },
  { type: 'runCommand', command: 'checkCredits' },
];

function rejected(raw: unknown): string {
  const result = parseWebviewMessage(raw);
  assert.equal(result.ok, false, `accepted ${JSON.stringify(raw)?.slice(0, 200)}`);
  return result.ok ? '' : result.reason;
}

describe('Studio messages from the webview (zod)', () => {
  it('accepts every valid message as it is', () => {
    for (const message of valid) {
      const result = parseWebviewMessage(message);
      assert.ok(result.ok, `refused ${JSON.stringify(message)}: ${result.ok ? '' : result.reason}`);
      assert.deepEqual(result.message, message);
    }
  });

  it('refuses an exact size that is not WxH and a fit that is not one', () => {
    rejected({ type: 'generate', request: { ...request, resize: '1200 x 630' } });
    rejected({ type: 'generate', request: { ...request, resize: '1200x630', fit: 'stretch' } });
  });

  it('accepts a message that went through JSON (as postMessage delivers it)', () => {
    const result = parseWebviewMessage(JSON.parse(JSON.stringify(valid[1])));
    assert.ok(result.ok);
  });

  it('rejects non-objects and unknown types', () => {
    for (const raw of [undefined, null, 42, 'ready', [], [{ type: 'ready' }], { type: 'deleteEverything' }, { type: 'READY' }, {}, { type: 7 }]) rejected(raw);
    assert.match(rejected({ type: 'deleteEverything' }), /deleteEverything/);
  });

  it('rejects wrong types and missing fields', () => {
    rejected({ type: 'cancelJob' });
    rejected({ type: 'cancelJob', jobId: 42 });
    rejected({ type: 'cancelJob', jobId: '../../etc' });
    rejected({ type: 'generate' });
    rejected({ type: 'generate', request: { ...request, variants: '2' } });
    rejected({ type: 'generate', request: { ...request, variants: 0 } });
    rejected({ type: 'generate', request: { ...request, variants: 5 } });
    rejected({ type: 'generate', request: { ...request, variants: 1.5 } });
    rejected({ type: 'generate', request: { ...request, model: 'DALL·E 3' } }); // a catalog or custom slug is checked by the plan
    rejected({ type: 'generate', request: { ...request, parameters: { ...parameters, quality: 'ultra' } } });
    rejected({ type: 'generate', request: { ...request, parameters: { ...parameters, outputCompression: 101 } } });
    rejected({ type: 'generate', request: { ...request, parameters: { ...parameters, size: '1024x1024; rm -rf /' } } });
    rejected({ type: 'generate', request: { prompt: 'x', model: 'gpt-image-1', variants: 1, inputs: [] } });
    rejected({ type: 'galleryAction', action: 'delete', uri: 'file:///ws/assets/fox.png' });
    rejected({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    rejected({ type: 'addInputs', uris: [] });
    rejected({ type: 'addInputs', uris: [42] });
  });

  it('rejects huge strings and too many items', () => {
    rejected({ type: 'generate', request: { ...request, prompt: 'x'.repeat(MAX_PROMPT_CHARS + 1) } });
    rejected({ type: 'addInputs', uris: ['file:///a'.padEnd(5_000, 'a')] });
    rejected({ type: 'addInputs', uris: Array.from({ length: 17 }, (_, i) => `file:///ws/${i}.png`) });
    rejected({ type: 'generate', request: { ...request, inputs: Array.from({ length: 17 }, (_, i) => `file:///ws/${i}.png`) } });
    rejected({ type: 'cancelJob', jobId: 'a'.repeat(101) });
  });

  it('rejects extra keys, prototype pollution included', () => {
    rejected({ type: 'ready', extra: 'x'.repeat(1_000_000) });
    rejected({ type: 'cancelJob', jobId: 'abc', also: 1 });
    rejected(JSON.parse('{"type":"ready","__proto__":{"polluted":true}}'));
    rejected(
      JSON.parse(
        '{"type":"generate","request":{"prompt":"x","model":"gpt-image-1","variants":1,"inputs":[],"parameters":{"size":"auto","quality":"auto","background":"opaque","outputFormat":"png","outputCompression":100,"moderation":"auto","__proto__":{"isAdmin":true}}}}',
      ),
    );
    rejected({ type: 'ready', constructor: { prototype: { polluted: true } } });
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(({} as Record<string, unknown>)['isAdmin'], undefined);
  });

  it('rejects class instances and objects with another prototype', () => {
    class Ready {
      type = 'ready';
    }
    rejected(new Ready());
    rejected(Object.assign(Object.create({ inherited: true }) as object, { type: 'ready' }));
  });

  it('rejects a mask that is not a PNG data URL', () => {
    const withMask = (mask: unknown): unknown => ({ type: 'generate', request: { ...request, model: 'gpt-image-1-edit', inputs: ['file:///ws/a.png'], mask } });
    rejected(withMask('data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQ=='));
    rejected(withMask(`data:image/png;base64,${Buffer.from('GIF89a just pretending to be a png').toString('base64')}`));
    rejected(withMask('data:image/png;base64,not base64 at all!!'));
    rejected(withMask('https://example.com/mask.png'));
    rejected(withMask(42));
    assert.ok(parseWebviewMessage(withMask(PNG_1X1)).ok);
  });

  it('looksLikePngDataUrl checks the signature, not the label', () => {
    assert.equal(looksLikePngDataUrl(PNG_1X1), true);
    assert.equal(looksLikePngDataUrl(PNG_1X1.replace('image/png', 'image/webp')), false);
    assert.equal(looksLikePngDataUrl('data:image/png;base64,'), false);
  });
});
