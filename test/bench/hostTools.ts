/**
 * What the figures measured in the real host share (hostFigures.ts, scanFigures.ts,
 * stallFigures.ts, mcpColdStart.ts): the repository's root, the shape of scripts/host's modules
 * (ES modules, imported at run time), code-server's log files and the activation figures read
 * from them, and the quartiles the tables print.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..', '..');

export interface CodeServer {
  readonly url: string;
  readonly userDataDir: string;
  stop(): Promise<void>;
}

export interface HostModules {
  startCodeServer(options: { installExtensions?: string[]; settings?: Record<string, unknown> }): Promise<CodeServer>;
}

export interface PathsModule {
  readonly chromiumPath: string;
  readonly chromiumArgs: string[];
  missingHostTools(): string[];
}

/** Every file under `folder` (none when it does not exist yet). */
export function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Waits for the extension's "activated in N ms" line in code-server's log folder. */
export async function activationFigures(userDataDir: string, timeoutMs: number): Promise<{ activateMs: number; servicesMs?: number; builtMs?: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of filesUnder(join(userDataDir, 'logs')).filter((name) => name.endsWith('.log'))) {
      const text = readFileSync(file, 'utf8');
      const activated = /activated in ([\d.]+) ms/.exec(text);
      const services = /Services loaded in ([\d.]+) ms(?: \(built in ([\d.]+) ms\))?/.exec(text);
      if (activated?.[1] && services?.[1])
        return { activateMs: Number(activated[1]), servicesMs: Number(services[1]), ...(services[2] ? { builtMs: Number(services[2]) } : {}) };
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error('the extension did not log its activation in time');
}

/** The median and the spread from the first to the third quartile, each to 0.1 ms. */
export function quartiles(values: readonly number[]): { median: string; spread: string } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number): string => (sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0).toFixed(1);
  return { median: at(0.5), spread: `${at(0.25)}–${at(0.75)}` };
}
