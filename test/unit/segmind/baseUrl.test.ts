import * as assert from 'node:assert/strict';
import { ConfigurationError } from '../../../src/domain/errors/errors';
import { isLoopbackHost, joinUrl, parseBaseUrl } from '../../../src/segmind/baseUrl';

describe('baseUrl', () => {
  it('accepts https and strips a trailing slash, query and hash', () => {
    assert.equal(parseBaseUrl('https://api.segmind.com/', 's').href, 'https://api.segmind.com/');
    assert.equal(parseBaseUrl(' https://proxy.example/segmind/?x=1#y ', 's').href, 'https://proxy.example/segmind');
  });
  it('accepts plain http only on loopback', () => {
    for (const ok of ['http://127.0.0.1:1234', 'http://localhost:8080/', 'http://[::1]:9000', 'http://127.1.2.3']) {
      assert.equal(parseBaseUrl(ok, 's').protocol, 'http:', ok);
    }
    for (const bad of [
      'http://api.segmind.com',
      'http://127.0.0.1.evil.com',
      'http://localhost.evil.com',
      'http://10.0.0.1',
      'ftp://api.segmind.com',
      'file:///etc',
    ]) {
      assert.throws(
        () => parseBaseUrl(bad, 'segmind.apiBaseUrl'),
        (error: unknown) => {
          assert.ok(error instanceof ConfigurationError);
          assert.equal(error.setting, 'segmind.apiBaseUrl');
          assert.match(error.message, /https/);
          return true;
        },
        bad,
      );
    }
  });
  it('refuses credentials in the URL and garbage', () => {
    assert.throws(() => parseBaseUrl('https://user:pw@api.segmind.com', 'segmind.apiBaseUrl'), /user name or password/);
    assert.throws(() => parseBaseUrl('https://user@api.segmind.com', 'segmind.apiBaseUrl'), ConfigurationError);
    assert.throws(() => parseBaseUrl('not a url', 'segmind.uploadBaseUrl'), /not a valid URL/);
  });
  it('knows loopback hosts', () => {
    assert.ok(isLoopbackHost('127.0.0.1'));
    assert.ok(isLoopbackHost('localhost'));
    assert.ok(!isLoopbackHost('127.0.0.1.nip.io'));
    assert.ok(!isLoopbackHost('example.com'));
  });
  it('joins paths under a base with or without a prefix', () => {
    assert.equal(joinUrl(parseBaseUrl('https://api.segmind.com', 's'), 'v2/gpt-image-1').href, 'https://api.segmind.com/v2/gpt-image-1');
    assert.equal(joinUrl(parseBaseUrl('https://p.example/seg/', 's'), '/v2/requests/x/status').href, 'https://p.example/seg/v2/requests/x/status');
  });
});
