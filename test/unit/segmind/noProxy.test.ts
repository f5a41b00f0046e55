/**
 * NO_PROXY as users write it (segmind/noProxy.ts). Each case that undici's own reading gets wrong
 * is marked: `::1` read as host ":" port 1, `*` honoured only as the whole value, CIDR ranges unknown.
 */
import * as assert from 'node:assert/strict';
import { parseNoProxy } from '../../../src/segmind/noProxy';

const direct = (list: string | string[], url: string): boolean => parseNoProxy(list).bypasses(new URL(url));

describe('NO_PROXY: which hosts go direct', () => {
  it('an empty list sends everything through the proxy, loopback included', () => {
    assert.equal(direct('', 'http://127.0.0.1:8080/'), false);
    assert.equal(direct([], 'https://api.segmind.com/'), false);
  });

  it('a host covers itself and its subdomains, not look-alikes; .domain and *.domain mean the same', () => {
    for (const entry of ['segmind.com', '.segmind.com', '*.segmind.com', 'SEGMIND.com.']) {
      assert.equal(direct(entry, 'https://api.segmind.com/v2/x'), true, entry);
      assert.equal(direct(entry, 'https://segmind.com/'), true, entry);
      assert.equal(direct(entry, 'https://notsegmind.com/'), false, entry);
    }
  });

  it("host:port covers that port only; a URL without a port has its scheme's", () => {
    assert.equal(direct('127.0.0.1:8080', 'http://127.0.0.1:8080/'), true);
    assert.equal(direct('127.0.0.1:8080', 'http://127.0.0.1:8081/'), false);
    assert.equal(direct('api.segmind.com:443', 'https://api.segmind.com/'), true);
    assert.equal(direct('api.segmind.com:80', 'https://api.segmind.com/'), false);
  });

  it('IPv6 with or without brackets, with a port in brackets (undici reads "::1" as host ":" port 1)', () => {
    assert.equal(direct('::1', 'http://[::1]:3000/'), true);
    assert.equal(direct('[::1]', 'http://[::1]:3000/'), true);
    assert.equal(direct('[::1]:3000', 'http://[::1]:3000/'), true);
    assert.equal(direct('[::1]:3000', 'http://[::1]:3001/'), false);
    assert.equal(direct('0:0:0:0:0:0:0:1', 'http://[::1]/'), true, 'one address, two spellings');
    assert.equal(direct('::1', 'http://127.0.0.1/'), false, 'names and addresses are not resolved');
  });

  it('* anywhere in the list sends everything direct (undici honours it only alone)', () => {
    assert.equal(direct('*', 'https://api.segmind.com/'), true);
    assert.equal(direct('example.com, *', 'https://api.segmind.com/'), true);
    assert.equal(direct(['internal', '*'], 'http://10.1.2.3/'), true);
  });

  it('CIDR ranges match IP hosts, v4 and v6 (undici has none)', () => {
    assert.equal(direct('127.0.0.0/8', 'http://127.0.0.1:9/'), true);
    assert.equal(direct('10.0.0.0/8', 'http://10.200.3.4/'), true);
    assert.equal(direct('10.0.0.0/8', 'http://11.0.0.1/'), false);
    assert.equal(direct('fd00::/8', 'http://[fd12::1]/'), true);
    assert.equal(direct('::1/128', 'http://[::1]/'), true);
    assert.equal(direct('127.0.0.0/8', 'http://localhost/'), false, 'a name is not in an address range');
  });

  it('commas and white space both separate; what names nothing is ignored and reported', () => {
    const list = parseNoProxy('a.example  b.example,\tc.example, ::1:oops, 10.0.0.0/99, http://x.example');
    assert.equal(list.bypasses(new URL('https://b.example/')), true);
    assert.equal(list.bypasses(new URL('https://c.example/')), true);
    assert.deepEqual(list.ignored, ['::1:oops', '10.0.0.0/99', 'http://x.example']);
  });
});
