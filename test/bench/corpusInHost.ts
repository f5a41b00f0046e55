/**
 * Runs inside the real extension host for `npm run corpus` (test/bench/corpus.ts): the missing images
 * of the whole workspace folder, as an agent or a user gets them, written to SEGMIND_CORPUS_OUT as
 * `{ ms, via, entries, elsewhere }`. It asks the language model tool `segmind_find_missing_images`
 * first, because only its answer carries the "found elsewhere" references (0.5: `{ missing, elsewhere }`);
 * a build whose tool answers `{ missing }` alone has none. When the tool cannot be invoked (no such
 * tool, or the language model API is off), Fill Missing Images in list mode gives the missing ones, as
 * a user would run it. Works with any version of the extension that has the command (the corpus is
 * also run against older releases to measure the change).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/ui/contributions';

const TOOL = 'segmind_find_missing_images';

interface Answer {
  readonly missing: unknown[];
  readonly elsewhere?: unknown[];
}

/** The text part of the tool's result that parses as JSON with a `missing` list. */
function answerOf(result: vscode.LanguageModelToolResult): Answer | undefined {
  for (const part of result.content) {
    if (!(part instanceof vscode.LanguageModelTextPart)) continue;
    try {
      const parsed = JSON.parse(part.value) as Partial<Answer> | null;
      if (parsed && Array.isArray(parsed.missing)) return { missing: parsed.missing, elsewhere: Array.isArray(parsed.elsewhere) ? parsed.elsewhere : [] };
    } catch {
      // The human-readable part: not the answer.
    }
  }
  return undefined;
}

async function viaTool(): Promise<Answer | undefined> {
  const source = new vscode.CancellationTokenSource();
  try {
    // The tool is registered when its extension activates; a command would activate it, a tool call may not.
    const owner = vscode.extensions.all.find((extension) =>
      (extension.packageJSON as { contributes?: { languageModelTools?: { name?: string }[] } }).contributes?.languageModelTools?.some(
        (tool) => tool.name === TOOL,
      ),
    );
    await owner?.activate();
    return answerOf(await vscode.lm.invokeTool(TOOL, { input: {}, toolInvocationToken: undefined }, source.token));
  } catch (error) {
    console.log(`corpus: ${TOOL} could not be invoked (${String(error)}); using segmind.fillMissingImages`);
    return undefined;
  } finally {
    source.dispose();
  }
}

export async function run(): Promise<void> {
  const started = performance.now();
  const answer = await viaTool();
  const result = answer
    ? { via: TOOL, entries: answer.missing, elsewhere: answer.elsewhere ?? [] }
    : { via: 'segmind.fillMissingImages', entries: await executeCommand('segmind.fillMissingImages', {}), elsewhere: [] };
  fs.writeFileSync(process.env.SEGMIND_CORPUS_OUT ?? 'corpus.json', JSON.stringify({ ms: Math.round(performance.now() - started), ...result }));
}
