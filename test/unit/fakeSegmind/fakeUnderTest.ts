/**
 * What every test of the fake Segmind (test/unit/fakeSegmind/*.test.ts) shares: one fake for the
 * file, reset before each test to the caller's clock, and the requests the tests make to it over
 * real loopback HTTP with Node's global fetch. Written once so the files cannot drift. Not a test
 * file: mocha runs only *.test.js.
 */
import * as assert from 'node:assert/strict';
import { FakeSegmind } from '../../fakeSegmind/server';

export const KEY = 'SG_0123456789abcdef';
/** Where each test's clock starts. */
export const START_MS = 1_700_000_000_000;

/** The fake of the running file, its clock, and the requests to it; its functions may be taken off it. */
export class FakeUnderTest {
  fake!: FakeSegmind;
  /** The fake's time: START_MS at the start of each test, moved only by `advance`. */
  clock = START_MS;
  readonly now = (): number => this.clock;
  readonly advance = (ms: number): void => {
    this.clock += ms;
  };

  readonly api = (path: string, init: RequestInit = {}, key: string | null = KEY): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (key !== null) headers.set('x-api-key', key);
    return fetch(this.fake.apiBaseUrl + path, { ...init, headers });
  };

  readonly post = (path: string, body: unknown, base = this.fake.apiBaseUrl): Promise<Response> =>
    fetch(base + path, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  readonly submit = async (slug: string, body: Record<string, unknown>): Promise<string> => {
    const res = await this.post(`/v2/${slug}`, body);
    assert.equal(res.status, 200, await res.clone().text());
    const json = (await res.json()) as { request_id: string };
    return json.request_id;
  };

  readonly getJson = async (path: string): Promise<{ status: number; json: Record<string, unknown>; res: Response }> => {
    const res = await this.api(path);
    return { status: res.status, json: (await res.json()) as Record<string, unknown>, res };
  };
}

/**
 * Registers the hooks in the calling describe: the fake starts once on the rig's clock, and before
 * each test the clock is back at START_MS and the fake is reset.
 */
export function fakeUnderTest(): FakeUnderTest {
  const rig = new FakeUnderTest();
  const { now } = rig;
  before(async () => {
    rig.fake = await FakeSegmind.start({ now });
  });
  beforeEach(() => {
    rig.clock = START_MS;
    rig.fake.reset({ now, syncDelayMs: 20 });
  });
  after(async () => {
    await rig.fake.close();
  });
  return rig;
}
