/**
 * The parser worker opens nothing but regular files: a FIFO blocked it in open() forever (a thread
 * of ≈16 MB each, which terminating the worker cannot stop), and a device never ends. Today the
 * scan's walk lists regular files only; the worker holds the rule itself so that it stays so.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReferenceReader } from '../../../src/parsing/referenceReader';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const workerScript = path.join(repoRoot, 'dist', 'parserWorker.js');

describe('The parser worker reads regular files only (parsing/parserWorker)', function () {
  let folder: string;
  let reader: ReferenceReader | undefined;
  const fifos: string[] = [];

  before(function () {
    if (process.platform === 'win32') this.skip(); // no FIFOs in the file system there
    assert.ok(fs.existsSync(workerScript), `${workerScript} is built by npm run build (npm test builds first)`);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-fifo-'));
  });
  after(() => {
    // A worker still blocked in open() (the defect) is let go: a writer that comes lets open() return.
    for (const fifo of fifos) {
      try {
        fs.closeSync(fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
      } catch {
        // no reader waiting on it: nothing to let go
      }
    }
    reader?.dispose();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a FIFO at once and says why, then reads the next file (the time limit is never reached)', async () => {
    const log: string[] = [];
    reader = new ReferenceReader({ workerScript, log: (line) => log.push(line) });
    const fifo = path.join(folder, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    fifos.push(fifo);
    const page = path.join(folder, 'page.md');
    fs.writeFileSync(page, '![a](a.png)\n');

    assert.deepEqual(await reader.readFile('markdown', fifo, 'pipe.md'), { references: [], lines: [], unread: 'it is not a regular file' });
    assert.deepEqual(
      (await reader.readFile('markdown', page, 'page.md')).references.map((reference) => reference.value),
      ['a.png'],
    );
    assert.deepEqual(log, ['pipe.md was not read: it is not a regular file.']);
  });

  it('refuses a device (/dev/null): only a regular file is read', async () => {
    const log: string[] = [];
    reader?.dispose();
    reader = new ReferenceReader({ workerScript, log: (line) => log.push(line) });
    assert.deepEqual(await reader.readFile('css', '/dev/null', 'null.css'), { references: [], lines: [], unread: 'it is not a regular file' });
    assert.deepEqual(log, ['null.css was not read: it is not a regular file.']);
  });
});
