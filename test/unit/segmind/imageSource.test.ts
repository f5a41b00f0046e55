import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { ProtocolError } from '../../../src/domain/errors/errors';
import { extractImageSource } from '../../../src/segmind/imageSource';
import { sniffImageFormat } from '../../../src/domain/images/imageFormat';
import type { ResultAnswer } from '../../../src/segmind/schemas';

const URL1 = 'https://images.segmind.com/generations/abc.png';
const URL2 = 'https://images.segmind.com/generations/def.png';

describe('imageSource', () => {
  let png: Buffer;
  before(async () => {
    png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#f00' } })
      .png()
      .toBuffer();
  });

  const url = (answer: ResultAnswer): string => {
    const source = extractImageSource(answer);
    assert.equal(source.type, 'url');
    return source.type === 'url' ? source.url : '';
  };
  const bytes = (answer: ResultAnswer): Uint8Array => {
    const source = extractImageSource(answer);
    assert.equal(source.type, 'bytes');
    return source.type === 'bytes' ? source.bytes : new Uint8Array();
  };

  it('reads images[].url first', () => {
    assert.equal(url({ images: [{ url: URL1 }], output: URL2 }), URL1);
    assert.equal(url({ images: [{}, { url: URL2 }] }), URL2);
    assert.equal(url({ images: [URL1] }), URL1);
  });
  it('reads output as a URL string', () => {
    assert.equal(url({ output: URL1 }), URL1);
    assert.equal(url({ output: `  ${URL1}\n` }), URL1);
  });
  it('reads output as a list of URLs (the first)', () => {
    assert.equal(url({ output: [URL1, URL2] }), URL1);
  });
  it('reads nested output objects', () => {
    assert.equal(url({ output: { images: [{ url: URL2 }] } }), URL2);
    assert.equal(url({ output: { url: URL1 } }), URL1);
    assert.equal(url({ output: { image_url: URL1 } }), URL1);
  });
  it('reads top-level image / image_url / url', () => {
    assert.equal(url({ image: URL1 }), URL1);
    assert.equal(url({ image_url: URL2 }), URL2);
    assert.equal(url({ url: URL1 }), URL1);
  });
  it('decodes bare base64', () => {
    const b = bytes({ output: png.toString('base64') });
    assert.deepEqual(Buffer.from(b), png);
    assert.equal(sniffImageFormat(b), 'png');
  });
  it('decodes a data URI', () => {
    const b = bytes({ output: `data:image/png;base64,${png.toString('base64')}` });
    assert.deepEqual(Buffer.from(b), png);
  });
  it('decodes b64_json in images[]', () => {
    const b = bytes({ images: [{ b64_json: png.toString('base64') }] });
    assert.equal(sniffImageFormat(b), 'png');
  });
  it('ignores short words, ids and non-http schemes', () => {
    assert.throws(() => extractImageSource({ output: 'done' }), ProtocolError);
    assert.throws(() => extractImageSource({ output: 'ftp://example.com/a.png' }), ProtocolError);
    assert.throws(() => extractImageSource({ output: 'javascript:alert(1)' }), ProtocolError);
    assert.equal(url({ output: ['file:///etc/passwd', URL1] }), URL1);
  });
  it('throws a ProtocolError naming where it looked when there is no image', () => {
    for (const answer of [{}, { status: 'COMPLETED' }, { output: null }, { images: [] }, { output: 42 }] as ResultAnswer[]) {
      assert.throws(
        () => extractImageSource(answer),
        (error: unknown) => {
          assert.ok(error instanceof ProtocolError);
          assert.equal(error.kind, 'protocol');
          assert.match(error.message, /no image/);
          assert.match(error.message, /images\[\]\.url/);
          return true;
        },
      );
    }
  });
});
