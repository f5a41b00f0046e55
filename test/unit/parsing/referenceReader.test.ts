/**
 * The parser worker (src/parsing/): references are read in a worker thread, with a size limit per
 * document and a time limit per document, both logged once; a worker that is stopped or crashes is
 * replaced for the next document. The real worker bundle (dist/parserWorker.js, built before the
 * tests) and, for the time limit, a worker script that never answers.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReferenceReader } from '../../../src/parsing/referenceReader';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const workerScript = path.join(repoRoot, 'dist', 'parserWorker.js');

describe('Reading references off the main thread (parsing/referenceReader)', function () {
  this.timeout(10 * 60_000);
  let folder: string;
  const readers: ReferenceReader[] = [];
  const reader = (options: Partial<ConstructorParameters<typeof ReferenceReader>[0]> = {}): { reader: ReferenceReader; log: string[] } => {
    const log: string[] = [];
    // Only the tests of the time limit set one: on a loaded machine a deep parse can take longer than
    // the product's 2 s, and a test of what is found must not fail because the machine was busy.
    const made = new ReferenceReader({ workerScript, log: (line) => log.push(line), timeLimitMs: 10 * 60_000, ...options });
    readers.push(made);
    return { reader: made, log };
  };

  before(() => {
    assert.ok(fs.existsSync(workerScript), `${workerScript} is built by npm run build (npm test builds first)`);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-reader-'));
  });
  after(() => {
    for (const made of readers) made.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reads every language in the worker, in document order', async () => {
    const { reader: r } = reader();
    const [html, markdown, css, script] = await Promise.all([
      r.read('html', '<img src="a.png" width="12" height="12"><img src="b.png">', 'page.html'),
      r.read('markdown', '![a](a.png)\n\n<img src="b.png">', 'README.md'),
      r.read('css', 'a { background: url(a.png) }', 'site.css'),
      r.read('typescriptreact', 'import a from "./a.png"; export const X = () => <img src="b.png" />;', 'App.tsx'),
    ]);
    assert.deepEqual(
      html?.map((reference) => [reference.value, reference.size]),
      [
        ['a.png', { width: 12, height: 12 }],
        ['b.png', undefined],
      ],
    );
    assert.deepEqual(
      markdown?.map((reference) => reference.value),
      ['a.png', 'b.png'],
    );
    assert.deepEqual(
      css?.map((reference) => reference.value),
      ['a.png'],
    );
    assert.deepEqual(
      script?.map((reference) => reference.value),
      ['./a.png', 'b.png'],
    );
  });

  it('finds what the main thread could not: a require 20,000 calls deep (the worker has a deep stack)', async () => {
    const { reader: r, log } = reader();
    const script = `${'f('.repeat(20_000)}require("deep.png")${')'.repeat(20_000)}`;
    assert.deepEqual(
      (await r.read('javascript', script, 'deep.js')).map((reference) => reference.value),
      ['deep.png'],
    );
    assert.deepEqual(log, []);
  });

  it('skips a document over the size limit without sending it, and says so once', async () => {
    const { reader: r, log } = reader({ sizeLimit: 1024 });
    const big = `<img src="a.png">${' '.repeat(2048)}`;
    assert.deepEqual(await r.read('html', big, 'big.html'), []);
    assert.deepEqual(await r.read('html', big, 'big.html'), []);
    assert.equal(log.length, 1);
    assert.match(log[0] ?? '', /big\.html was not read: 2 KiB is over the limit of 1 KiB/);
    assert.equal((await r.read('html', '<img src="small.png">', 'small.html')).length, 1, 'a small one still reads');
  });

  it('gives up a document that takes longer than the time limit, says so, and reads the next one with a new worker', async () => {
    // A worker that never answers when the text says "forever", and answers like the real one otherwise.
    const stubborn = path.join(folder, 'stubborn.js');
    fs.writeFileSync(
      stubborn,
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', ({ id, text }) => {
         if (text.includes('forever')) for (;;) {}
         parentPort.postMessage({ id, kind: 'document', references: [{ value: 'ok.png', start: 0, end: 6 }] });
       });
       parentPort.postMessage({ ready: true });`,
    );
    const { reader: r, log } = reader({ workerScript: stubborn, timeLimitMs: 300 });
    const [stuck, next] = await Promise.all([r.readDocument('html', 'forever a.png', 'stuck.html'), r.read('html', 'fine a.png', 'fine.html')]);
    assert.deepEqual(stuck, { references: [], unread: 'reading took longer than 300 ms' }, 'the reading says it was not read, and why');
    assert.deepEqual(
      next.map((reference) => reference.value),
      ['ok.png'],
    );
    assert.equal(log.length, 1);
    assert.match(log[0] ?? '', /stuck\.html was not read: reading took longer than 300 ms/);
  });

  it('waits for a worker that is slow to start (a busy machine): its time limit runs from when it is ready', async () => {
    // Loading takes three times the limit (as the real bundle's parsers can on a loaded machine), then it answers at once.
    const slow = path.join(folder, 'slow-start.js');
    fs.writeFileSync(
      slow,
      `const { parentPort } = require('node:worker_threads');
       const until = Date.now() + 900;
       while (Date.now() < until) {}
       parentPort.on('message', ({ id }) => parentPort.postMessage({ id, kind: 'document', references: [{ value: 'ok.png', start: 0, end: 6 }] }));
       parentPort.postMessage({ ready: true });`,
    );
    const { reader: r, log } = reader({ workerScript: slow, timeLimitMs: 300 });
    const read = await r.readDocument('html', 'first a.png', 'first.html');
    assert.deepEqual(
      read.references.map((reference) => reference.value),
      ['ok.png'],
    );
    assert.equal(read.unread, undefined);
    assert.deepEqual(log, []);
  });

  it('reads a file on disk in the worker: its references with their lines; 300 at once each get their own', async () => {
    const { reader: r, log } = reader();
    const files = Array.from({ length: 300 }, (_, i) => {
      const file = path.join(folder, `page-${i}.md`);
      fs.writeFileSync(file, `# Page ${i}\n\n${'Text.\n'.repeat(i % 7)}![a](img/a-${i}.png)\n<img src="img/b-${i}.png">\n`);
      return file;
    });
    const read = await Promise.all(files.map((file, i) => r.readFile('markdown', file, `page-${i}.md`)));
    for (const [i, { references, lines }] of read.entries()) {
      assert.deepEqual(
        references.map((reference) => reference.value),
        [`img/a-${i}.png`, `img/b-${i}.png`],
      );
      assert.deepEqual(lines, [2 + (i % 7), 3 + (i % 7)]);
    }
    assert.deepEqual(log, []);
  });

  it('does not read a file over the size limit (logged once), and gives nothing for one that is gone', async () => {
    const { reader: r, log } = reader({ sizeLimit: 1024 });
    const big = path.join(folder, 'big.css');
    fs.writeFileSync(big, `a { background: url(a.png) }${' '.repeat(2048)}`);
    const tooLarge = { references: [], lines: [], unread: '2 KiB is over the limit of 1 KiB' };
    assert.deepEqual(await r.readFile('css', big, 'big.css'), tooLarge, 'the reading says why');
    assert.deepEqual(await r.readFile('css', big, 'big.css'), tooLarge);
    assert.deepEqual(await r.readFile('css', path.join(folder, 'gone.css'), 'gone.css'), { references: [], lines: [] });
    assert.equal(log.length, 1);
    assert.match(log[0] ?? '', /big\.css was not read: 2 KiB is over the limit of 1 KiB/);
  });

  it('reads nothing once disposed, and answers what was waiting', async () => {
    const { reader: r } = reader();
    const waiting = r.read('html', '<img src="a.png">', 'a.html');
    r.dispose();
    assert.ok(Array.isArray(await waiting));
    assert.deepEqual(await r.read('html', '<img src="a.png">', 'a.html'), []);
  });
});
