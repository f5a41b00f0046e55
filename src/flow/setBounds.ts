/**
 * Sets are bounded (domain/images/imageSets.ts): an element that asks for more files than a set may
 * have, or a file larger than 4096 px a side, is refused before anything is sent — by the paid run
 * (generationFlow) and by the free placeholders alike — with the reason in the user's words.
 */
import * as vscode from 'vscode';
import { InvalidParametersError } from '../domain/errors/errors';
import { MAX_SET_FILES, MAX_SET_SIDE, setProblem, type SetProblem } from '../domain/images/imageSets';

type Size = { readonly width: number; readonly height: number } | undefined;

export function setProblemWords(problem: SetProblem): string {
  return problem.kind === 'too-many'
    ? vscode.l10n.t('One element asks for {0} files; a set makes at most {1} from one image.', problem.files, MAX_SET_FILES)
    : vscode.l10n.t('One file of the set is {0} × {1} px; each is at most {2} px a side.', problem.width, problem.height, MAX_SET_SIDE);
}

/** Throws when a set of `sizes.length` files (the sizes the code gives) cannot be made. */
export function refuseUnboundedSet(sizes: readonly Size[]): void {
  const problem = setProblem(sizes.length, sizes);
  if (problem) throw new InvalidParametersError([{ parameter: 'set', message: setProblemWords(problem) }]);
}
