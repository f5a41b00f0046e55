/**
 * An agent's `scope` as the scan takes it: relative to the agent's directory (else workspace-relative),
 * confined to its workspace folder, and there: a scope that does not exist is refused with a sentence
 * that says what to pass, not with the file system's error and the machine's absolute path. Without
 * a scope, an agent with a directory scans its own workspace folder (not every folder of the window).
 */
import * as vscode from 'vscode';
import { InvalidParametersError } from '../domain/errors/errors';
import { uriOfFileArgument } from '../workspace/fileArguments';
import { resolveAgentPath, type AgentPlace } from './agentPlace';

export async function scopeOf(scope: string | undefined, place: AgentPlace | undefined): Promise<vscode.Uri | undefined> {
  if (scope === undefined) return place?.folder.uri;
  const where = place ? 'your working directory' : 'the workspace folder';
  const uri = place ? resolveAgentPath(place, scope, 'scope') : uriOfFileArgument(scope);
  const exists =
    uri &&
    (await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
      () => true,
      () => false,
    ));
  if (!uri || !exists) {
    throw new InvalidParametersError([
      {
        parameter: 'scope',
        // eslint-disable-next-line no-restricted-syntax -- an agent's error: English, what a language model reads
        message: `The scope ${JSON.stringify(scope)} is not a file or folder of the workspace: pass a file or folder relative to ${where} (for example "." or "docs"), or leave scope out to look everywhere.`,
      },
    ]);
  }
  return uri;
}
