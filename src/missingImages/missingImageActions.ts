/**
 * The quick fixes of a missing image, at its diagnostic or anywhere in the reference's range:
 * generate it with Segmind (not for `.svg`, nor in Restricted Mode), make a free placeholder at
 * once, or fill every missing image of the file. Each runs a command; the work is in commands/ and flow/.
 * An image found elsewhere gets one *Point to …* per candidate instead: an edit of the reference,
 * never a file.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../base/pure/commandIds';
import { pointTo } from '../domain/references/pointTo';
import { fillSets, fillTargets, generationOptionsFor, type FillSet, type FillTarget } from '../flow/missingImageFill';
import type { ElsewhereImage } from '../workspace/documentFindings';
import { ELSEWHERE_CODE, rangeOf, type MissingImageDiagnostics } from './missingImageDiagnostics';
import { pathInFolder } from '../domain/safety/workspacePath';

export class MissingImageActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: MissingImageDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const missing = this.diagnostics.missingIn(document.uri);
    const here = missing.filter((image) => rangeOf(document, image).intersection(range) !== undefined);
    const actions: vscode.CodeAction[] = this.diagnostics
      .elsewhereIn(document.uri)
      .filter((image) => rangeOf(document, image).intersection(range) !== undefined)
      .flatMap((image) => pointToActions(document, image));
    const sets = fillSets(fillTargets(missing));
    for (const target of fillTargets(here)) {
      const name = target.target.path.slice(target.target.path.lastIndexOf('/') + 1);
      const fixes = vscode.languages
        .getDiagnostics(document.uri)
        .filter((diagnostic) => diagnostic.code === 'missing-image' && target.references.some((image) => rangeOf(document, image).isEqual(diagnostic.range)));
      const action = (title: string, command: string, argument: unknown, preferred = false): vscode.CodeAction => {
        const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        fix.command = { title, command, arguments: [argument] };
        fix.diagnostics = fixes;
        fix.isPreferred = preferred;
        return fix;
      };
      // Restricted Mode: a paid image from what the file says waits for trust; the free placeholder does not.
      // One element, one render: the files of its set are written from the one image this makes.
      const set = sets.find((candidate) => [candidate.lead, ...candidate.others].some((member) => member.target.toString() === target.target.toString()));
      if (vscode.workspace.isTrusted && set && generationOptionsFor(set.lead)) {
        const title =
          set.others.length === 0
            ? vscode.l10n.t('Generate {0} with Segmind…', name)
            : set.others.length === 1
              ? vscode.l10n.t('Generate {0} and 1 more with Segmind…', name)
              : vscode.l10n.t('Generate {0} and {1} more with Segmind…', name, set.others.length);
        actions.push(action(title, COMMAND_IDS.generateMissingImage, setArgument(set)));
      }
      actions.push(action(vscode.l10n.t('Make a free placeholder for {0}', name), COMMAND_IDS.placeholderForMissingImage, quickFixArgument(target), true));
    }
    const all = fillTargets(missing);
    if (here.length > 0 && all.length >= 2) {
      const fix = new vscode.CodeAction(vscode.l10n.t('Fill all {0} missing images in this file…', all.length), vscode.CodeActionKind.QuickFix);
      fix.command = { title: fix.title, command: COMMAND_IDS.fillMissingImages, arguments: [document.uri] };
      actions.push(fix);
    }
    return actions;
  }
}

/** What a quick fix's command is given: the target as the scan found it (for Generate, its set's largest), and the other files of its set. */
export interface QuickFixArgument {
  readonly target: FillTarget;
  readonly others?: readonly FillTarget[];
}

const quickFixArgument = (target: FillTarget): QuickFixArgument => ({ target });
const setArgument = (set: FillSet): QuickFixArgument => ({ target: set.lead, others: set.others });

/** One *Point to …* per candidate: the reference rewritten to name it (relative, or root-absolute where the site serves it at `/`). */
function pointToActions(document: vscode.TextDocument, image: ElsewhereImage): vscode.CodeAction[] {
  const range = rangeOf(document, image);
  const diagnostics = vscode.languages
    .getDiagnostics(document.uri)
    .filter((diagnostic) => diagnostic.code === ELSEWHERE_CODE && diagnostic.range.isEqual(range));
  const relativeDocument = pathInFolder(image.workspaceFolder, image.document);
  return image.candidates.map((candidate, index) => {
    const shown = vscode.workspace.asRelativePath(vscode.Uri.joinPath(image.workspaceFolder, ...candidate.split('/')));
    const fix = new vscode.CodeAction(vscode.l10n.t('Point to {0}', shown), vscode.CodeActionKind.QuickFix);
    fix.edit = new vscode.WorkspaceEdit();
    fix.edit.replace(document.uri, range, pointTo(candidate, { document: relativeDocument, value: image.reference.value, servedAtRoot: image.servedAtRoot }));
    fix.diagnostics = diagnostics;
    fix.isPreferred = index === 0 && image.candidates.length === 1;
    return fix;
  });
}
