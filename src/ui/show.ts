/**
 * The one module that shows text in VS Code's notifications, dialogs, progress notifications, quick
 * picks and input boxes, and every text goes through `plainText` on the way: what a repository
 * names (a file, a folder, a prompt in a sidecar) can never become a link that runs a command, in
 * any language. An ESLint rule (eslint.config.mjs) keeps every other module from calling
 * `vscode.window` for these directly.
 */
import * as vscode from 'vscode';
import { plainText } from './pure/plainText';

type MessageShower = <T extends string>(message: string, options: vscode.MessageOptions, ...items: T[]) => Thenable<T | undefined>;

function shown(show: MessageShower) {
  function message<T extends string>(text: string, ...items: T[]): Thenable<T | undefined>;
  function message<T extends string>(text: string, options: vscode.MessageOptions, ...items: T[]): Thenable<T | undefined>;
  function message<T extends string>(text: string, ...rest: (T | vscode.MessageOptions)[]): Thenable<T | undefined> {
    const [first, ...others] = rest;
    const options = typeof first === 'object' ? first : undefined;
    const items = (options ? others : rest) as T[];
    const safe: vscode.MessageOptions = options ? { ...options, ...(options.detail === undefined ? {} : { detail: plainText(options.detail) }) } : {};
    return show(plainText(text), safe, ...items);
  }
  return message;
}

export const showInformation = shown((text, options, ...items) => vscode.window.showInformationMessage(text, options, ...items));
export const showWarning = shown((text, options, ...items) => vscode.window.showWarningMessage(text, options, ...items));
export const showError = shown((text, options, ...items) => vscode.window.showErrorMessage(text, options, ...items));

/** A message in the status bar for a while. */
export function showStatusMessage(text: string, hideAfterMs: number): vscode.Disposable {
  return vscode.window.setStatusBarMessage(plainText(text), hideAfterMs);
}

export interface ProgressReport {
  (message: string, increment?: number): void;
}

/** A notification with a progress bar; what `report` says goes through plainText too. */
export function withProgress<R>(
  options: { readonly title: string; readonly cancellable?: boolean; readonly location?: vscode.ProgressLocation },
  task: (report: ProgressReport, token: vscode.CancellationToken) => Thenable<R>,
): Thenable<R> {
  return vscode.window.withProgress(
    { location: options.location ?? vscode.ProgressLocation.Notification, title: plainText(options.title), cancellable: options.cancellable ?? false },
    (progress, token) =>
      task((message, increment) => progress.report({ message: plainText(message), ...(increment === undefined ? {} : { increment }) }), token),
  );
}

/** A quick pick item whose icon is ours (a codicon name) and whose words are shown as they are. */
export interface PickItem extends vscode.QuickPickItem {
  readonly icon?: string;
}

function plainItem<T extends PickItem>(item: T): T {
  return {
    ...item,
    label: `${item.icon ? `$(${item.icon}) ` : ''}${plainText(item.label)}`,
    ...(item.description === undefined ? {} : { description: plainText(item.description) }),
    ...(item.detail === undefined ? {} : { detail: plainText(item.detail) }),
  };
}

function plainPickOptions(options: vscode.QuickPickOptions): vscode.QuickPickOptions {
  return {
    ...options,
    ...(options.title === undefined ? {} : { title: plainText(options.title) }),
    ...(options.placeHolder === undefined ? {} : { placeHolder: plainText(options.placeHolder) }),
  };
}

/** The items come back as given (without the icon put into the label). */
export function pickOne<T extends PickItem>(items: readonly T[], options: vscode.QuickPickOptions = {}): Promise<T | undefined> {
  const shownItems = items.map(plainItem);
  return Promise.resolve(vscode.window.showQuickPick(shownItems, { ...plainPickOptions(options), canPickMany: false })).then((chosen) =>
    chosen === undefined ? undefined : items[shownItems.indexOf(chosen)],
  );
}

export function pickMany<T extends PickItem>(items: readonly T[], options: vscode.QuickPickOptions = {}): Promise<T[] | undefined> {
  const shownItems = items.map(plainItem);
  return Promise.resolve(vscode.window.showQuickPick(shownItems, { ...plainPickOptions(options), canPickMany: true })).then((chosen) =>
    chosen?.map((item) => items[shownItems.indexOf(item)] as T),
  );
}

/** A quick pick to drive by hand (the palette's prompt with its history): items are made plain by `plainItems`. */
export function createQuickPick<T extends vscode.QuickPickItem>(): vscode.QuickPick<T> {
  return vscode.window.createQuickPick<T>();
}

export function plainItems<T extends PickItem>(items: readonly T[]): T[] {
  return items.map(plainItem);
}

/** An input box; its value is what the user edits and is never changed. */
export function inputBox(options: vscode.InputBoxOptions): Thenable<string | undefined> {
  const validate = options.validateInput ? (value: string) => options.validateInput?.(value) : undefined;
  return vscode.window.showInputBox({
    ...options,
    ...(options.title === undefined ? {} : { title: plainText(options.title) }),
    ...(options.prompt === undefined ? {} : { prompt: plainText(options.prompt) }),
    ...(options.placeHolder === undefined ? {} : { placeHolder: plainText(options.placeHolder) }),
    ...(validate
      ? {
          validateInput: async (value: string) => {
            const said = await validate(value);
            if (said === undefined || said === null) return said;
            return typeof said === 'string' ? plainText(said) : { ...said, message: plainText(said.message) };
          },
        }
      : {}),
  });
}
