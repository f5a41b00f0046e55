/**
 * Runs inside the real extension host (loaded as --extensionTestsPath by stallFigures.ts, like the
 * integration tests): the longest stall of the host's main thread (perf_hooks.monitorEventLoopDelay)
 * while hostile documents are opened and read, and while Fill Missing Images scans the workspace,
 * with the scan's files per second; and a placeholder made by an agent through the MCP server and
 * through the language model tool (./agentCalls.ts). Writes its figures as JSON to SEGMIND_BENCH_OUT. Not a test.
 */
import * as fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { HOSTILE_DOCUMENTS, HOSTILE_SITE_APPS, HOSTILE_SITE_PAGE, hostileSiteConfig, type InHostFigures } from './hostileDocuments';
import { hostQuiet } from '../support/hostQuiet';
import { agentCallFigures } from './agentCalls';
import { executeCommand } from '../../src/ui/contributions';

async function untilSeen(uri: vscode.Uri, marker: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (vscode.languages.getDiagnostics(uri).some((diagnostic) => diagnostic.message.includes(marker))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${uri.path}: ${marker} was never reported`);
}

/**
 * Hostile site configurations created in an open window (the index, read with the first document,
 * is read again when a configuration is created): the stall while a page beside them is reported,
 * which waits for the index to read them all (its diagnostic names the site, Vite).
 */
async function hostileSitesFigures(folder: vscode.Uri, delay: ReturnType<typeof monitorEventLoopDelay>): Promise<InHostFigures['sites']> {
  const apps = vscode.Uri.joinPath(folder, 'hostile-sites');
  const page = vscode.Uri.joinPath(apps, 'app-0', 'index.html');
  await vscode.workspace.fs.writeFile(page, new TextEncoder().encode(HOSTILE_SITE_PAGE));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page), { preview: false });
  await untilSeen(page, 'end-site.png', 60_000);
  await hostQuiet();
  delay.reset();
  delay.enable();
  const started = performance.now();
  for (let app = 0; app < HOSTILE_SITE_APPS; app++) {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(apps, `app-${app}`, 'vite.config.js'), new TextEncoder().encode(hostileSiteConfig()));
  }
  await untilSeen(page, '(Vite)', 120_000);
  const ms = Math.round(performance.now() - started);
  delay.disable();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await hostQuiet();
  return { configs: HOSTILE_SITE_APPS, ms, longestStallMs: Math.round(delay.max / 1e6) };
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('the bench needs the workspace folder');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const documents: InHostFigures['documents'][number][] = [];
  for (const { name, text } of HOSTILE_DOCUMENTS) {
    const uri = vscode.Uri.joinPath(folder, 'hostile', name);
    const marker = /(end-[a-z]+\.png)/.exec(text)?.[1] ?? '';
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await untilSeen(uri, marker, 60_000);
    // Measured once VS Code's own extensions are done with the new document: a deleted image makes
    // the extension read it again, and nothing else of VS Code's.
    const trigger = vscode.Uri.joinPath(folder, 'hostile', 'trigger.png');
    await vscode.workspace.fs.writeFile(trigger, new Uint8Array());
    await hostQuiet();
    let readAgain = false;
    const seen = vscode.languages.onDidChangeDiagnostics((event) => (readAgain ||= event.uris.some((changed) => changed.toString() === uri.toString())));
    delay.reset();
    delay.enable();
    const started = performance.now();
    await vscode.workspace.fs.delete(trigger);
    while (!readAgain) await new Promise((resolve) => setTimeout(resolve, 5));
    const readMs = performance.now() - started;
    delay.disable();
    seen.dispose();
    documents.push({ name, kib: Math.round(text.length / 1024), readMs: Math.round(readMs), longestStallMs: Math.round(delay.max / 1e6) });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  await hostQuiet();

  const sites = await hostileSitesFigures(folder, delay);

  delay.reset();
  delay.enable();
  const started = performance.now();
  const entries = await executeCommand('segmind.fillMissingImages', { scope: vscode.Uri.joinPath(folder, 'site') });
  const ms = performance.now() - started;
  delay.disable();
  const files = Number(process.env.SEGMIND_BENCH_SITE_FILES ?? 0);
  const figures: InHostFigures = {
    documents,
    sites,
    scan: {
      files,
      ms: Math.round(ms),
      filesPerSecond: Math.round(files / (ms / 1000)),
      longestStallMs: Math.round(delay.max / 1e6),
      missing: entries?.length ?? 0,
    },
    agents: await agentCallFigures(folder),
  };
  fs.writeFileSync(process.env.SEGMIND_BENCH_OUT ?? 'bench-in-host.json', JSON.stringify(figures));
}
