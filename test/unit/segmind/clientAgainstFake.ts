/**
 * What every SegmindClient test file (client*.test.ts) shares: one loopback fake Segmind
 * (test/fakeSegmind) for the file and, before each test, a fresh fake clock (retries and backoff
 * are instant, and it drives the fake's job progress, expiry and rate limit) and an empty list of
 * the client's request events. Written once here so the four files cannot drift. Not a test file.
 */
import { FakeSegmind } from '../../fakeSegmind/server';
import { SegmindClient, type RequestEvent, type SegmindClientOptions } from '../../../src/segmind/client';
import type { ModelSlug } from '../../../src/domain/generation/catalog';
import { FakeClock } from '../support/fakeClock';

export const KEY = 'SG_0123456789abcdef';
export const BODY = { prompt: 'a red fox', size: '1024x1536' };

/** The fake, the clock and the events of the running test; its functions may be taken off it. */
export class ClientRig {
  fake!: FakeSegmind;
  clock = new FakeClock();
  events: RequestEvent[] = [];

  /** A client of the fake on the fake clock, reporting every request to `events`. */
  readonly client = (overrides: Partial<SegmindClientOptions> = {}): SegmindClient =>
    new SegmindClient({
      apiBaseUrl: this.fake.apiBaseUrl,
      uploadBaseUrl: this.fake.uploadBaseUrl,
      apiKey: () => Promise.resolve(KEY),
      clock: this.clock,
      random: () => 0.5,
      onRequest: (event) => this.events.push(event),
      ...overrides,
    });

  /** Submits a job and moves the clock past its end; resolves with its request id. */
  readonly finishedJob = async (c: SegmindClient, model: ModelSlug = 'gpt-image-1', body: Record<string, unknown> = BODY): Promise<string> => {
    const { requestId } = await c.submit(model, body);
    this.clock.advance(10_000);
    return requestId;
  };
}

/** Registers the hooks in the calling describe and returns the rig they keep up to date. */
export function clientAgainstFake(): ClientRig {
  const rig = new ClientRig();
  before(async () => {
    rig.fake = await FakeSegmind.start();
  });
  beforeEach(() => {
    rig.clock = new FakeClock();
    rig.events = [];
    rig.fake.reset({ now: rig.clock.now, syncDelayMs: 5 });
  });
  after(async () => {
    await rig.fake.close();
  });
  return rig;
}
