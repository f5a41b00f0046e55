/**
 * The real clock (src/domain/jobs/clock.ts) the client and the job runner wait on: a sleep lasts at
 * least its time, ends at once with CancelledError when the user cancels, and leaves no listener
 * behind on a signal that outlives it (a job's signal sees hundreds of poll sleeps).
 */
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { systemClock } from '../../../../src/domain/jobs/clock';
import { CancelledError } from '../../../../src/domain/errors/errors';
import { rejection } from '../../support/assertions';

describe('systemClock', () => {
  it('now is the wall clock', () => {
    const before = Date.now();
    const now = systemClock.now();
    assert.ok(now >= before && now <= Date.now());
  });

  it('sleep resolves after its time, not before', async () => {
    const start = performance.now();
    await systemClock.sleep(25);
    // A timer may fire up to a millisecond early by the high-resolution clock's rounding.
    assert.ok(performance.now() - start >= 24, `woke after ${performance.now() - start} ms`);
  });

  it('an abort ends a long sleep at once with CancelledError', async () => {
    const controller = new AbortController();
    // Ten minutes, far past the suite's hang detector: that it rejects at all says it did not wait for the timer.
    const sleeping = systemClock.sleep(10 * 60_000, controller.signal);
    controller.abort();
    await rejection(sleeping, CancelledError);
  });

  it('a signal aborted before the sleep rejects it without waiting', async () => {
    const controller = new AbortController();
    controller.abort();
    await rejection(systemClock.sleep(60_000, controller.signal), CancelledError);
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0, 'nothing was left listening');
  });

  it('a sleep that ends takes its abort listener with it', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(1, controller.signal);
    assert.equal(getEventListeners(controller.signal, 'abort').length, 1, 'it listens while it sleeps');
    await sleeping;
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
    controller.abort();
  });
});
