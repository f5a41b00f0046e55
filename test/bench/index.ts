/** `npm run bench`: prints figures. Not a test: nothing here passes or fails. */
import { hostFigures } from './hostFigures';
import { pixelsBenchmark } from './pixels';
import { pollingBenchmark } from './polling';
import { hostileReferencesBenchmark, referencesBenchmark } from './references';
import { hostileConfigsBenchmark } from './siteConfigs';

async function main(): Promise<void> {
  const started = Date.now();
  await pollingBenchmark();
  pixelsBenchmark();
  referencesBenchmark();
  hostileReferencesBenchmark();
  await hostileConfigsBenchmark();
  // The real host is needed here; skip with SEGMIND_BENCH_SKIP_HOST=1 on a machine without it.
  if (!process.env.SEGMIND_BENCH_SKIP_HOST) await hostFigures();
  console.log(`\nBenchmarks took ${((Date.now() - started) / 1000).toFixed(1)} s of real time.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
