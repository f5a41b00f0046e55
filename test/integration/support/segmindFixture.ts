/**
 * Points the extension (running in this very extension host) at a loopback fake Segmind for the
 * tests of one `describe`, with a key stored through the real `segmind.setApiKey` command, and puts
 * every setting back afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeSegmind } from '../../fakeSegmind/server';
import { executeCommand, scripted } from './commands';

export const TEST_KEY = 'SG_0123456789abcdef';

const TOUCHED_SETTINGS = [
  'apiBaseUrl',
  'uploadBaseUrl',
  'outputFolder',
  'transport',
  'size',
  'quality',
  'background',
  'outputFormat',
  'outputCompression',
  'moderation',
  'saveMetadata',
  'timeoutSeconds',
  'defaultModel',
  'preserveUnmaskedPixels',
  'dailySpendLimit',
  'agentDailySpendLimit',
  'missingImages.report',
  'missingImages.webRoot',
  'stylePrompt',
  'customModels',
] as const;

export interface SegmindFixture {
  readonly fake: FakeSegmind;
}

/** Registers mocha hooks; the returned object's `fake` is valid inside tests. */
export function useFakeSegmind(): SegmindFixture {
  let fake: FakeSegmind | undefined;
  const fixture = {
    get fake(): FakeSegmind {
      assert.ok(fake, 'the fake Segmind server is not running');
      return fake;
    },
  };

  before(async () => {
    fake = await FakeSegmind.start({ apiKey: TEST_KEY, jobPlan: { durationMs: 200 } });
    await setting('apiBaseUrl', fake.apiBaseUrl);
    await setting('uploadBaseUrl', fake.uploadBaseUrl);
    await executeCommand('segmind.setApiKey', TEST_KEY);
  });

  beforeEach(() => {
    fake?.reset({ apiKey: TEST_KEY, jobPlan: { durationMs: 200 } });
  });

  afterEach(async () => {
    await clearSettings(
      'segmind',
      TOUCHED_SETTINGS.filter((key) => key !== 'apiBaseUrl' && key !== 'uploadBaseUrl'),
    );
  });

  after(async () => {
    await setting('apiBaseUrl', undefined);
    await setting('uploadBaseUrl', undefined);
    await fake?.close();
    fake = undefined;
  });

  return fixture;
}

export async function setting(key: (typeof TOUCHED_SETTINGS)[number], value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('segmind').update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * Puts settings back to their defaults at one target, updating only the ones that are set there:
 * every update rewrites a settings file and waits for the window to read it again (about 25 ms),
 * which, for 17 settings after each of 170 tests, was 70 s of every run.
 */
export async function clearSettings(
  section: string,
  keys: readonly string[],
  target: vscode.ConfigurationTarget = vscode.ConfigurationTarget.Global,
  scope?: vscode.ConfigurationScope,
): Promise<void> {
  const config = vscode.workspace.getConfiguration(section, scope);
  for (const key of keys) {
    const set = config.inspect(key);
    const value =
      target === vscode.ConfigurationTarget.Global
        ? set?.globalValue
        : target === vscode.ConfigurationTarget.Workspace
          ? set?.workspaceValue
          : set?.workspaceFolderValue;
    if (value !== undefined) await config.update(key, undefined, target);
  }
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder.uri;
}

/** Runs the scripted generate and returns its rejection's message (fails if it resolved). */
export async function generateRejection(options: Record<string, unknown>): Promise<string> {
  try {
    const result: unknown = await scripted('segmind.generateImage', options);
    assert.fail(`expected a rejection, got ${JSON.stringify(result)}`);
  } catch (error) {
    if (error instanceof assert.AssertionError) throw error;
    return error instanceof Error ? error.message : String(error);
  }
}

export async function generate(options: Record<string, unknown>): Promise<vscode.Uri[]> {
  const result = await scripted('segmind.generateImage', options);
  assert.ok(Array.isArray(result), `expected an array of Uris, got ${JSON.stringify(result)}`);
  for (const uri of result) assert.ok(uri instanceof vscode.Uri, `not a Uri: ${JSON.stringify(uri)}`);
  return result;
}

/** Whether anything is at `uri` now. */
export function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

export async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}

export async function readJson(uri: vscode.Uri): Promise<Record<string, unknown>> {
  return JSON.parse(new TextDecoder().decode(await readBytes(uri))) as Record<string, unknown>;
}

export function keyHeader(headers: Record<string, string | string[] | undefined>): string | string[] | undefined {
  return headers['x-api-key'];
}
