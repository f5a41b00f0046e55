/**
 * The Image Studio as its tests drive it: a StudioPanel built here from out/src with its own services
 * over the fake Segmind, reached through the same public `handleMessage` the webview's messages
 * reach, every post it makes recorded. Four test files (opening, generating, editing, running again)
 * share it, so each builds the Studio the same way.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../../../src/auth/apiKeyStore';
import type { Question } from '../../../src/ui/confirm';
import { UploadConsent } from '../../../src/ui/uploadConsent';
import type { GenerateRequest, HostToWebview } from '../../../src/protocol/studioProtocol';
import { Notifier } from '../../../src/ui/notifier';
import { PromptHistory } from '../../../src/studio/promptHistory';
import { StudioPanel, type StudioDependencies } from '../../../src/studio/studioPanel';
import { MemoryMemento } from './memoryStores';
import { testServices } from './testServices';

/** The repository: the Studio's webview loads its dist/ and media/ from there, as from the extension's folder. */
export const repoRoot = process.env.SEGMIND_TEST_REPO_ROOT ?? path.resolve(__dirname, '..', '..', '..', '..');

export interface Harness {
  readonly deps: StudioDependencies;
  readonly keys: ApiKeyStore;
  /** What the Studio asked in a modal, and what the next questions are answered (yes unless a test says no). */
  readonly questions: Question[];
  readonly answers: { yes: boolean };
  readonly dispose: () => void;
}

async function harness(): Promise<Harness> {
  const { logger, keys, tracker, flow, dispose } = await testServices('studio tests');
  const memento = new MemoryMemento();
  await memento.update('segmind.editUploadConsent', { acceptedAt: new Date().toISOString() });
  const questions: Question[] = [];
  const answers = { yes: true };
  const deps: StudioDependencies = {
    extensionUri: vscode.Uri.file(repoRoot),
    tracker,
    logger,
    history: new PromptHistory(new MemoryMemento()),
    notifier: new Notifier(logger, () => Promise.resolve(undefined)),
    flow,
    consent: new UploadConsent(memento, logger),
    confirm: (question) => {
      questions.push(question);
      return Promise.resolve(answers.yes);
    },
  };
  return { deps, keys, questions, answers, dispose };
}

/**
 * Registers mocha hooks (after `useFakeSegmind()`, whose settings the services read): the harness
 * built before the tests, the Studio closed after each, the services disposed after all. The
 * returned harness is valid inside tests.
 */
export function useStudioHarness(): Harness {
  let built: Harness | undefined;
  const current = (): Harness => {
    assert.ok(built, 'the Studio harness is built in a before hook');
    return built;
  };

  before(async () => {
    built = await harness();
  });

  afterEach(() => {
    StudioPanel.current?.close();
  });

  after(async () => {
    built?.dispose();
    built = undefined;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  return {
    get deps() {
      return current().deps;
    },
    get keys() {
      return current().keys;
    },
    get questions() {
      return current().questions;
    },
    get answers() {
      return current().answers;
    },
    dispose: () => current().dispose(),
  };
}

/** A panel of the Studio's type, filled by a StudioPanel of this test's services; every post recorded. */
export function revive(
  deps: StudioDependencies,
  panel = vscode.window.createWebviewPanel('segmind.studio', 'Image Studio (test)', vscode.ViewColumn.Active, {}),
): { studio: StudioPanel; posts: HostToWebview[] } {
  const studio = StudioPanel.revive(panel, deps);
  const posts: HostToWebview[] = [];
  studio.onDidPost((message) => posts.push(message));
  return { studio, posts };
}

/** A generate request as the webview sends it: one cheap image unless a test says otherwise. */
export const request = (prompt: string, extra: Partial<GenerateRequest> = {}): GenerateRequest => ({
  prompt,
  model: 'gpt-image-1-mini',
  variants: 1,
  inputs: [],
  parameters: { size: '1024x1024', quality: 'low', background: 'opaque', outputFormat: 'png', outputCompression: 100, moderation: 'auto' },
  ...extra,
});

/** The posts of one type, typed as that message. */
export function ofType<T extends HostToWebview['type']>(posts: readonly HostToWebview[], type: T): Array<Extract<HostToWebview, { type: T }>> {
  return posts.filter((post): post is Extract<HostToWebview, { type: T }> => post.type === type);
}
