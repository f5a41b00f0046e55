/**
 * Free local placeholders: the same destination rules as a generated image (`path` confined, or
 * the output folder; created, checked again, never overwritten: workspace/), with pixels drawn
 * here instead of bought. No key, no request, no spending hold: nothing is sent.
 */
import * as vscode from 'vscode';
import { parseResize } from '../domain/generation/exactSize';
import { defaultPlaceholderName, placeholderSidecar, placeholderSpec, type PlaceholderOptions, type PlaceholderSpec } from '../domain/images/placeholder';
import type { Settings } from '../config/settings';
import type { Logger } from '../log/logger';
import { resolveOutputFolder } from '../workspace/outputFolder';
import { confinedTarget, createConfined } from '../workspace/targets';
import { saveImage, sha256Of } from '../workspace/imageWriter';
import { chooseWorkspaceFolder } from '../workspace/workspaceFolders';

export interface PlaceholderDependencies {
  readonly readSettings: (workspaceFolder: vscode.Uri) => Settings;
  /** The bundled label font's bytes (read once, on first use). */
  readonly font: () => Promise<Uint8Array>;
  readonly logger: Logger;
  readonly extensionVersion: string;
  readonly now?: () => Date;
}

export interface MadePlaceholder {
  readonly uri: vscode.Uri;
  readonly spec: PlaceholderSpec;
  readonly sha256: string;
}

export class PlaceholderMaker {
  constructor(private readonly deps: PlaceholderDependencies) {}

  /** `{ path?, size, label?, background?, prompt? }` (parsed at the caller's edge) → the file written. `origin`: the document it is for (its workspace folder). */
  async make(options: PlaceholderOptions, origin?: vscode.Uri): Promise<MadePlaceholder> {
    const size = parseResize(options.size, 'size');
    const target =
      options.path !== undefined && options.path !== null ? await confinedTarget(options.path, 'path', 'file', chooseWorkspaceFolder(origin)) : undefined;
    const workspaceFolder = target?.workspaceFolder ?? chooseWorkspaceFolder(origin);
    const fileName = target ? target.uri.path.slice(target.uri.path.lastIndexOf('/') + 1) : defaultPlaceholderName(size);
    const spec = placeholderSpec(options, fileName);
    const settings = this.deps.readSettings(workspaceFolder);

    // The font reader loads with the first placeholder (dist/placeholder.js).
    const { drawPlaceholder } = await import('../pixels/placeholder.js');
    const bytes = await drawPlaceholder(spec, await this.deps.font());
    const sha256 = sha256Of(bytes);
    const folder = target
      ? await createConfined(workspaceFolder, vscode.Uri.joinPath(target.uri, '..'))
      : await resolveOutputFolder(workspaceFolder, settings.outputFolder);
    const dot = fileName.lastIndexOf('.');
    const uri = await saveImage(
      { folder, workspaceFolder },
      {
        baseName: fileName.slice(0, dot), // exactly as `path` names it (confinedTarget checked it can be written)
        extension: fileName.slice(dot + 1),
        bytes,
        format: spec.format,
        ...(settings.saveMetadata
          ? { sidecar: () => placeholderSidecar(spec, sha256, (this.deps.now ?? (() => new Date()))(), this.deps.extensionVersion) }
          : {}),
      },
    );
    this.deps.logger.info(
      `Placeholder ${spec.width}x${spec.height} (${spec.format}) saved to ${vscode.workspace.asRelativePath(uri)}: drawn locally, nothing sent.`,
    );
    return { uri, spec, sha256 };
  }
}
