/**
 * The extension host's main thread while hostile documents are read and while 5,000 files are
 * scanned (issue 23: the longest stall, target at most 50 ms), and a free placeholder made through
 * the MCP server against the same call through the language model tool: measured inside the host
 * by test/bench/inHost.ts, which runs there as the integration tests do (scripts/host/code).
 * Printed, not asserted.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { HOSTILE_DOCUMENTS, type InHostFigures } from './hostileDocuments';
import { quartiles, repoRoot } from './hostTools';
import { SITE_FILES, writeSite } from './scanFigures';

export async function stallFigures(): Promise<void> {
  console.log("\n## The extension host's main thread (development build in code-server 1.139.1; perf_hooks.monitorEventLoopDelay)\n");
  const root = mkdtempSync(join(tmpdir(), 'segmind-stalls-'));
  try {
    const workspace = join(root, 'workspace');
    writeSite(join(workspace, 'site'));
    mkdirSync(join(workspace, 'hostile'), { recursive: true });
    for (const { name, text } of HOSTILE_DOCUMENTS) writeFileSync(join(workspace, 'hostile', name), text);
    writeFileSync(join(workspace, 'hostile', 'here.png'), '');
    const out = join(root, 'figures.json');
    await runTests({
      vscodeExecutablePath: join(repoRoot, 'scripts', 'host', 'code'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(__dirname, 'inHost.js'),
      launchArgs: [workspace],
      extensionTestsEnv: { SEGMIND_BENCH_OUT: out, SEGMIND_BENCH_SITE_FILES: String(SITE_FILES) },
    });
    const figures = JSON.parse(readFileSync(out, 'utf8')) as InHostFigures;
    console.table([
      ...figures.documents.map((document) => ({
        'while…': `reading ${document.name} (${document.kib} KiB)`,
        'longest stall ms': document.longestStallMs,
        'open → reported ms': document.readMs,
      })),
      {
        'while…': `reading ${figures.sites.configs} hostile site configurations created beside an open page (a million values each unbounded)`,
        'longest stall ms': figures.sites.longestStallMs,
        'open → reported ms': figures.sites.ms,
      },
      {
        'while…': `scanning ${figures.scan.files} files (Fill Missing Images, list)`,
        'longest stall ms': figures.scan.longestStallMs,
        'open → reported ms': `${figures.scan.ms} (${figures.scan.filesPerSecond} files/s, ${figures.scan.missing} missing)`,
      },
    ]);
    const { agents } = figures;
    const mcp = quartiles(agents.mcpMs);
    const tool = quartiles(agents.toolMs);
    console.log(
      `\n## A free placeholder generate_image, end to end (${agents.runs} runs each, alternating, after a warm-up; target: MCP adds at most 50 ms)\n`,
    );
    console.table([
      { way: 'MCP server (SDK client → stdio → server → channel → window)', 'median ms': mcp.median, 'p25–p75 ms': mcp.spread },
      { way: 'language model tool (vscode.lm.invokeTool)', 'median ms': tool.median, 'p25–p75 ms': tool.spread },
      { way: 'what the MCP path adds (difference of medians)', 'median ms': (Number(mcp.median) - Number(tool.median)).toFixed(1), 'p25–p75 ms': '' },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
