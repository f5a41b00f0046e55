/**
 * An agent's cancellation stops the call and every further write, in the real VS Code against the
 * fake Segmind: the window's AgentCalls (the same object the MCP server's calls and the language
 * model tools run) is given the call's signal; the job is cancelled while it runs, the fake then
 * finishes it, and no file of that call is ever written. Conditions waited on: the submit seen by
 * the fake, the call settled, the job's own state — never time.
 */
import * as assert from 'node:assert/strict';
import { exists, useFakeSegmind } from './support/segmindFixture';
import { until } from '../support/conditions';
import { testServices, type TestServices } from './support/testServices';
import { folderFiles, remove } from './support/workspaceFiles';

const FOLDER = 'cancel-it';
const { at } = folderFiles(FOLDER);

describe('An agent’s cancellation stops every further write (real VS Code)', function () {
  const segmind = useFakeSegmind();
  let services: TestServices;

  before(async () => {
    services = await testServices('cancel');
  });

  after(async () => {
    services.dispose();
    await remove(at());
  });

  it('a job cancelled while it runs writes nothing, even once Segmind finishes it', async () => {
    // Long enough that it is still running whatever the machine's load; finished by the test after the cancel.
    segmind.fake.planNextJob({ durationMs: 10 * 60_000 });
    const controller = new AbortController();
    const call = services.calls.call(
      'generate_image',
      { prompt: 'A lighthouse at dusk', path: `${FOLDER}/late.png`, resize: '64x64' },
      { signal: controller.signal },
    );
    await until(() => segmind.fake.requestsTo('api', 'POST', '/v2/').length === 1, 'the job submitted');
    const [job] = services.tracker.snapshots();
    assert.ok(job, 'the job is tracked');
    controller.abort();
    segmind.fake.finishJobs();
    const result = await call;
    assert.equal(result.isError, true, 'the cancelled call answers with an error, not an image');
    await until(() => services.tracker.snapshots().find((snapshot) => snapshot.id === job.id)?.state === 'cancelled', 'the job cancelled');
    assert.equal(await exists(at('late.png')), false, 'no file after the cancel');
    assert.equal(segmind.fake.requestsTo('api', 'POST', '/v2/').length, 1, 'one submit, nothing sent again');
  });
});
