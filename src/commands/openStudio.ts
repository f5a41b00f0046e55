/**
 * `segmind.openStudio`: opens the Image Studio, or reveals it. From an image preview's title bar
 * (or the saved-image notification) the image comes along as an edit input.
 */
import * as vscode from 'vscode';
import { StudioPanel, type StudioDependencies } from '../studio/studioPanel';

export function openStudioCommand(deps: StudioDependencies): (arg?: unknown, selected?: unknown) => void {
  return (arg?: unknown, selected?: unknown) => {
    const inputs = Array.isArray(selected) && selected.every((item) => item instanceof vscode.Uri) ? selected : arg instanceof vscode.Uri ? [arg] : [];
    StudioPanel.show(deps, inputs);
  };
}
