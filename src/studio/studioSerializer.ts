/**
 * Brings the Image Studio back after a window reload. Registered synchronously in `activate` (VS
 * Code asks for the serializer as soon as the `onWebviewPanel:segmind.studio` activation finishes),
 * while the panel's heavy dependencies load lazily behind `revive`.
 */
import type * as vscode from 'vscode';

export class StudioSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(private readonly revive: (panel: vscode.WebviewPanel, state: unknown) => Promise<void>) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    await this.revive(panel, state);
  }
}
