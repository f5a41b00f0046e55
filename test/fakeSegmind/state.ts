// Everything the fake remembers between requests (options, jobs, plan queue,
// uploads, image cache), apart from the sockets. FakeSegmind exposes it; the
// endpoint handlers read and change it.

import type { FakeSegmindOptions, JobPlan } from './types';
import { DEFAULT_JOB_PLAN, defaultOptions } from './types';
import type { JobRecord } from './jobs';
import { chargeCompleted } from './jobs';
import { renderImage } from './images';
import type { OutputSpec } from './models';

export interface Upload {
  url: string;
  contentType: string;
  bytes: Buffer;
}

export interface BaseUrls {
  api: string;
  upload: string;
  output: string;
}

export class FakeState {
  options: FakeSegmindOptions;
  readonly jobs = new Map<string, JobRecord>();
  readonly uploads: Upload[] = [];
  private readonly planQueue: Array<Partial<JobPlan>> = [];
  private readonly images = new Map<string, Promise<Buffer>>();

  constructor(
    options: Partial<FakeSegmindOptions> | undefined,
    readonly urls: BaseUrls,
  ) {
    this.options = mergeOptions(options);
  }

  reset(options: Partial<FakeSegmindOptions> | undefined): void {
    this.options = mergeOptions(options);
    this.jobs.clear();
    this.uploads.length = 0;
    this.planQueue.length = 0;
    this.images.clear();
  }

  queuePlan(plan: Partial<JobPlan>): void {
    this.planQueue.push(plan);
  }

  /** Plan the next accepted job gets: defaults ← options.jobPlan ← head of the queue. */
  peekPlan(): JobPlan {
    return { ...DEFAULT_JOB_PLAN, ...defined(this.options.jobPlan), ...defined(this.planQueue[0] ?? {}) };
  }

  /** Only an accepted job advances the queue (a refused submit must not eat a plan). */
  takePlan(): JobPlan {
    const plan = this.peekPlan();
    this.planQueue.shift();
    return plan;
  }

  /** Rounded so balances read like money, not like 12.459999999999999. */
  charge(cost: number): void {
    this.options.credits = Math.round((this.options.credits - cost) * 1e6) / 1e6;
  }

  chargeCompletedJobs(): void {
    chargeCompleted(this.jobs.values(), this.options.now(), (cost) => this.charge(cost));
  }

  /** Bytes of a job's output, rendered once (large sizes take a moment) and cached. */
  imageFor(id: string, spec: OutputSpec, prompt: string): Promise<Buffer> {
    let p = this.images.get(id);
    if (!p) {
      p = renderImage({ ...spec, seed: prompt });
      this.images.set(id, p);
      // A failed render must not be cached forever.
      p.catch(() => this.images.delete(id));
    }
    return p;
  }
}

/** Drops keys explicitly set to undefined, so { cost: undefined } does not erase a default. */
export function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function mergeOptions(options: Partial<FakeSegmindOptions> | undefined): FakeSegmindOptions {
  return { ...defaultOptions(), ...defined(options ?? {}) };
}
