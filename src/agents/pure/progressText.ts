/**
 * What an agent's call says while it runs (MCP `notifications/progress` messages): "queued",
 * "processing 0:40", "image 2 of 3: saving", "making 2 of 3: public/og.png". English, like every
 * text a language model reads.
 */
import type { JobPhase } from '../../jobs/pure/runJob';

const clock = (ms: number): string => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

const PHASES: Readonly<Record<JobPhase, (elapsedMs: number) => string>> = {
  submitting: () => 'submitting',
  queued: (ms) => `queued ${clock(ms)}`,
  processing: (ms) => `processing ${clock(ms)}`,
  'rate-limited': (ms) => `rate-limited, waiting ${clock(ms)}`,
  downloading: () => 'saving',
};

/** A job's phase after `elapsedMs`; with several images, which one. */
export function jobProgressText(phase: JobPhase, elapsedMs: number, variant?: { readonly index: number; readonly of: number }): string {
  const words = PHASES[phase](elapsedMs);
  return variant && variant.of > 1 ? `image ${variant.index} of ${variant.of}: ${words}` : words;
}

/** A fill making its targets one after another. */
export function fillProgressText(index: number, of: number, target: string): string {
  return `making ${index + 1} of ${of}: ${target}`;
}
