/** `npm run bench`: prints figures. Not a test: nothing here passes or fails. */
import { pollingBenchmark } from './polling';

async function main(): Promise<void> {
  const started = Date.now();
  await pollingBenchmark();
  console.log(`\nBenchmarks took ${((Date.now() - started) / 1000).toFixed(1)} s of real time.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
