/**
 * Restricted Mode: a paid run whose prompt or parameters come from the workspace's files (a quick
 * fix, a fill, a sidecar, a placeholder's render) or from an agent waits until the workspace is
 * trusted; what the user types, and everything free, works without. Checked before anything is
 * prepared, so nothing is sent.
 */
import * as vscode from 'vscode';
import { UntrustedWorkspaceError } from '../domain/errors/errors';

/** Throws UntrustedWorkspaceError in an untrusted workspace; `what` names the run for the log. */
export function requireTrust(what: string): void {
  if (!vscode.workspace.isTrusted) throw new UntrustedWorkspaceError(what);
}
