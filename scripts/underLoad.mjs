#!/usr/bin/env node
// `node scripts/underLoad.mjs [--hogs N] -- <command> [args…]`: runs the command while N processes
// (default: one per core) keep every core busy, and stops them when it ends; exits with its status.
// `npm run test:loaded` runs the whole suite this way: a test that passes on a quiet machine and
// fails on a busy one waits for time instead of a condition, and is a defect. The hogs are plain
// busy loops at normal priority, bounded by the command's life (and killed on Ctrl+C).
import { spawn } from 'node:child_process';
import * as os from 'node:os';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const options = split >= 0 ? args.slice(0, split) : [];
const command = split >= 0 ? args.slice(split + 1) : args;
if (command.length === 0) {
  console.error('usage: node scripts/underLoad.mjs [--hogs N] -- <command> [args…]');
  process.exit(2);
}
const hogsAt = options.indexOf('--hogs');
const count = hogsAt >= 0 ? Number(options[hogsAt + 1]) : os.availableParallelism();

const hogs = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopHogs = () => {
  for (const hog of hogs) hog.kill('SIGKILL');
};
console.log(`underLoad: ${count} busy process(es) beside: ${command.join(' ')}`);
const started = Date.now();
const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  stopHogs();
  console.log(`underLoad: done in ${((Date.now() - started) / 1000).toFixed(0)} s with ${count} busy process(es) beside it`);
  process.exit(code ?? (signal ? 1 : 0));
});
child.on('error', (error) => {
  stopHogs();
  console.error(error);
  process.exit(1);
});
