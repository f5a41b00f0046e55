/**
 * The promises "never outside the workspace" and "never overwrite", held by construction, in the
 * real VS Code against the fake Segmind, with real links and real races: a long name through a
 * link, a folder swapped for a link while the job runs (and before a resumed job saves), two
 * writers of one name at the same moment, `.git` reached through a link or spelled the Windows way.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isSegmindError } from '../../src/domain/errors/errors';
import { ScriptedAsker } from '../../src/flow/scriptedAsker';
import { JobStore } from '../../src/jobs/jobStore';
import { JobTracker } from '../../src/jobs/jobTracker';
import { MODELS } from '../../src/domain/generation/catalog';
import { createExclusively } from '../../src/workspace/imageWriter';
import { resolveOutputFolder } from '../../src/workspace/outputFolder';
import { resultSaver } from '../../src/workspace/resultFiles';
import { replacedFilesIn } from '../../src/workspace/replacedFiles';
import { MemoryMemento } from './support/memoryStores';
import { generateRejection, readBytes, setting, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { until } from '../support/conditions';
import { testServices, type TestServices } from './support/testServices';

const inWorkspace = (...segments: string[]): string => path.join(workspaceFolder().fsPath, ...segments);
const filesIn = (folder: string): string[] => fs.readdirSync(folder, { recursive: true, encoding: 'utf8' });

describe('Safety by construction: confinement and never overwrite (real VS Code, fake Segmind)', function () {
  const segmind = useFakeSegmind();
  let outside: string;
  let services: TestServices;
  const made: string[] = [];

  before(async () => {
    services = await testServices('safety tests');
  });

  beforeEach(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-outside-'));
  });

  afterEach(() => {
    for (const entry of made.splice(0)) fs.rmSync(inWorkspace(entry), { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  after(() => services.dispose());

  function link(name: string, to: string): void {
    fs.symlinkSync(to, inWorkspace(name), 'dir');
    made.push(name);
  }

  it('a name too long to resolve does not get through a link: refused before any request, nothing outside', async () => {
    link('linkout', outside);
    const message = await generateRejection({ prompt: 'Escape by length', path: `linkout/${'a'.repeat(300)}.png` });
    assert.match(message, /outside the workspace folder/);
    assert.deepEqual(filesIn(outside), []);
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('any error while checking refuses (a file where a folder should be), before any request', async () => {
    fs.writeFileSync(inWorkspace('not-a-folder'), 'text');
    made.push('not-a-folder');
    assert.match(await generateRejection({ prompt: 'Through a file', path: 'not-a-folder/og.png' }), /could not be checked \(ENOTDIR\)/);
    assert.equal(segmind.fake.requests.length, 0);
  });

  it("`path`'s folder turned into a link while the job runs: the paid image goes to the output folder, with a warning naming both", async () => {
    fs.mkdirSync(inWorkspace('swap'));
    made.push('swap', 'swap-was');
    segmind.fake.planNextJob({ durationMs: 1_500 });
    const run = services.flow.run({ options: { prompt: 'Swapped folder', path: 'swap/swapped-og.png' } }, new ScriptedAsker(services.logger, 'test'));
    await until(() => segmind.fake.requestsTo('api', 'POST').length === 1, 'the submit');
    fs.renameSync(inWorkspace('swap'), inWorkspace('swap-was'));
    fs.symlinkSync(outside, inWorkspace('swap'), 'dir');
    const result = await run;
    assert.ok(result.ran);
    const [saved] = result.outcome.saved;
    assert.ok(saved, `saved: ${result.outcome.failures.map(String).join('; ')}`);
    assert.equal(vscode.workspace.asRelativePath(saved.uri), 'assets/swapped-og.png');
    assert.ok(
      saved.warnings.some((warning) =>
        /^The folder swap was no longer safe.*it leads outside the workspace folder.*saved to assets\/swapped-og\.png instead/.test(warning),
      ),
      saved.warnings.join(' | '),
    );
    assert.deepEqual(filesIn(outside), [], "nothing reached the link's target");
    made.push('assets/swapped-og.png', 'assets/swapped-og.png.json');
  });

  it('the output folder itself turned into a link while the job runs: the job fails with its request id, nothing is written', async () => {
    await setting('outputFolder', 'swapped-assets');
    made.push('swapped-assets', 'swapped-was');
    segmind.fake.planNextJob({ durationMs: 1_500 });
    const run = services.flow.run({ options: { prompt: 'Swapped output' } }, new ScriptedAsker(services.logger, 'test'));
    await until(() => segmind.fake.requestsTo('api', 'POST').length === 1, 'the submit');
    fs.renameSync(inWorkspace('swapped-assets'), inWorkspace('swapped-was'));
    fs.symlinkSync(outside, inWorkspace('swapped-assets'), 'dir');
    const result = await run;
    assert.ok(result.ran);
    assert.equal(result.outcome.saved.length, 0);
    const [failure] = result.outcome.failures;
    assert.ok(isSegmindError(failure) && failure.kind === 'unsafe-destination', String(failure));
    const [job] = segmind.fake.jobs.keys();
    assert.equal(failure.requestId, job);
    assert.deepEqual(filesIn(outside), []);
    assert.deepEqual(filesIn(inWorkspace('swapped-was')), []);
  });

  it('before a resumed job saves, its folder is checked again', async () => {
    fs.mkdirSync(inWorkspace('resume-here'));
    made.push('resume-here', 'resume-was');
    const memento = new MemoryMemento();
    const tracker = (): JobTracker =>
      new JobTracker({
        store: new JobStore(memento),
        logger: services.logger,
        clock: services.clients.clock,
        createClient: () => services.clients.create(),
        saveResult: resultSaver(
          'test',
          () => Date.now(),
          (folder) => resolveOutputFolder(folder, 'assets'),
          replacedFilesIn(vscode.Uri.file(services.storage)),
        ),
      });
    const first = tracker();
    segmind.fake.planNextJob({ durationMs: 2_000 });
    const folder = vscode.Uri.file(inWorkspace('resume-here'));
    const started = first.start({
      model: 'gpt-image-1',
      prompt: 'Resumed',
      parameters: MODELS['gpt-image-1'].defaults,
      transport: 'async',
      outputFolder: folder,
      workspaceFolder: workspaceFolder(),
      baseName: 'resumed',
      saveMetadata: false,
      timeoutMs: 30_000,
      body: { prompt: 'Resumed', size: '1024x1024', quality: 'auto', background: 'opaque', output_format: 'png', output_compression: 100, moderation: 'auto' },
    });
    started.done.catch(() => undefined);
    await until(
      () => Array.isArray(memento.get('segmind.runningJobs')) && (memento.get<unknown[]>('segmind.runningJobs') ?? []).length === 1,
      'the stored job',
    );
    first.dispose(); // the window reloads
    fs.renameSync(inWorkspace('resume-here'), inWorkspace('resume-was'));
    fs.symlinkSync(outside, inWorkspace('resume-here'), 'dir');
    const second = tracker();
    const { resumed } = await second.resumePersisted(30_000);
    await assert.rejects(
      resumed[0]?.done ?? Promise.reject(new Error('nothing resumed')),
      (error: unknown) => isSegmindError(error) && error.kind === 'unsafe-destination',
    );
    second.dispose();
    assert.deepEqual(filesIn(outside), []);
  });

  it('two writers of one name at the same moment: exactly one gets it, and its bytes are what is there', async () => {
    fs.mkdirSync(inWorkspace('race'));
    made.push('race');
    for (let round = 0; round < 20; round++) {
      const target = vscode.Uri.file(inWorkspace('race', `same-${round}.png`));
      const a = new Uint8Array([1, round]);
      const b = new Uint8Array([2, round]);
      const [wroteA, wroteB] = await Promise.all([createExclusively(target, a), createExclusively(target, b)]);
      assert.equal(Number(wroteA) + Number(wroteB), 1, `round ${round}: exactly one writer wins`);
      assert.deepEqual([...(await readBytes(target))], [...(wroteA ? a : b)], `round ${round}: the winner's bytes`);
    }
    assert.deepEqual(
      filesIn(inWorkspace('race')).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary file is left',
    );
  });

  it('never writes over a file that appears under the name being written (a link planted there included)', async () => {
    fs.mkdirSync(inWorkspace('planted'));
    made.push('planted');
    fs.writeFileSync(inWorkspace('planted', 'taken.png'), 'mine');
    fs.symlinkSync(path.join(outside, 'victim.png'), inWorkspace('planted', 'dangling.png'));
    assert.equal(await createExclusively(vscode.Uri.file(inWorkspace('planted', 'taken.png')), new Uint8Array([9])), false);
    assert.equal(await createExclusively(vscode.Uri.file(inWorkspace('planted', 'dangling.png')), new Uint8Array([9])), false);
    assert.equal(fs.readFileSync(inWorkspace('planted', 'taken.png'), 'utf8'), 'mine');
    assert.deepEqual(filesIn(outside), [], 'a dangling link is not followed');
  });

  it('.git through a link, and its Windows spellings, are refused like .git itself, before any request', async () => {
    const git = inWorkspace('.git');
    const hadGit = fs.existsSync(git);
    if (!hadGit) {
      fs.mkdirSync(git);
      made.push('.git');
    }
    link('gitlink', git);
    const cases: Array<[string, RegExp]> = [
      ['gitlink/hooks/x.png', /inside \.git/],
      ['.git./x.png', /inside \.git/],
      ['.GIT/x.png', /inside \.git/],
      ['GIT~1/x.png', /inside \.git/],
      ['.git /x.png', /inside \.git/],
      ['images/x.png:hidden', /":" in a name/],
      ['images/a:b/x.png', /":" in a name/],
    ];
    for (const [where, message] of cases) assert.match(await generateRejection({ prompt: 'x', path: where }), message, where);
    await setting('outputFolder', 'gitlink/objects');
    assert.match(await generateRejection({ prompt: 'x' }), /output folder "gitlink\/objects" is inside \.git/);
    assert.equal(segmind.fake.requests.length, 0);
  });
});
