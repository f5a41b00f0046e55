/**
 * The MCP server's cold start (target at most 300 ms): a new process from the launcher (as an agent
 * starts it, `node` and the production bundle) until `initialize` is answered, `runs` times.
 * Measured outside the host; printed by hostFigures.ts, not asserted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quartiles, repoRoot } from './hostTools';

export async function mcpColdStart(runs: number): Promise<Record<string, string>> {
  const folder = mkdtempSync(join(tmpdir(), 'segmind-mcp-cold-'));
  try {
    const launcher = join(folder, 'launcher.cjs');
    writeFileSync(launcher, `require(${JSON.stringify(join(repoRoot, 'dist', 'mcpServer.js'))}).serve({ version: 'bench' });\n`);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await initializeMs(launcher, folder));
    const figures = quartiles(times);
    return { figure: `MCP server cold start to initialize answered, median of ${runs}`, value: `${figures.median} ms (p25–p75 ${figures.spread})` };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function initializeMs(launcher: string, cwd: string): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn('node', [launcher], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdout.once('data', () => {
      done(performance.now() - started);
      child.kill();
    });
    child.once('error', fail);
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
    };
    child.stdin.write(`${JSON.stringify(initialize)}\n`);
  });
}
