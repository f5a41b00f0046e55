/**
 * Reads the `segmind.*` settings. The two base URLs decide where the API key is sent, so they are
 * read from user (application) settings and defaults only: a value in a workspace's
 * .vscode/settings.json is ignored, whatever VS Code's own scope handling does.
 */
import * as vscode from 'vscode';
import { isTextToImageModel, type RequestedParameters, type TextToImageModel } from '../domain/generation/catalog';
import { parseCustomModels, type ModelSpec } from '../domain/generation/customModels';
import type { SpendLimits } from '../domain/spending/spending';
import type { Transport } from '../domain/jobs/transport';
import type { ProxySettings } from '../segmind/proxy';

export const SECTION = 'segmind';

export interface Settings {
  readonly apiBaseUrl: string;
  readonly uploadBaseUrl: string;
  readonly outputFolder: string;
  /** `segmind.stylePrompt` (resource scope): sent after every paid prompt in this folder; empty for none. */
  readonly stylePrompt: string;
  readonly defaultModel: TextToImageModel;
  /** `segmind.customModels` (user settings only): the slugs accepted beside the catalog's, and a sentence per entry refused. */
  readonly customModels: readonly ModelSpec[];
  readonly customModelProblems: readonly string[];
  readonly parameters: RequestedParameters;
  readonly transport: Transport;
  readonly saveMetadata: boolean;
  /** `segmind.missingImages.*` (resource scope): where `/…` references resolve, and how missing ones are reported. */
  readonly missingImages: { readonly webRoot: string; readonly report: MissingImageReport };
  /** After a masked edit, copy back what the mask protects. */
  readonly preserveUnmaskedPixels: boolean;
  readonly timeoutSeconds: number;
  readonly lowCreditWarning: number;
  /** Shared ceiling for all requests to the API host, across every job. */
  readonly maxRequestsPerMinute: number;
  /** `segmind.dailySpendLimit` and `segmind.agentDailySpendLimit` (user settings only; 0 is none). */
  readonly spendLimits: SpendLimits;
  /** Settings a workspace tried to set but may not (reported in the log). */
  readonly ignoredWorkspaceSettings: readonly string[];
}

/**
 * No ceiling of our own by default: we cannot know the user's plan (5/min free, 50/min pro), and a
 * guess would slow down whoever has more. The service's 429s still pause every job together.
 */
export const MISSING_IMAGE_REPORTS = ['off', 'hint', 'information', 'warning'] as const;
export type MissingImageReport = (typeof MISSING_IMAGE_REPORTS)[number];

export const DEFAULT_MAX_REQUESTS_PER_MINUTE = 0;
/** An agent that was once told "Always allow" spends at most this much a day unless the user says more. */
export const DEFAULT_AGENT_DAILY_SPEND_LIMIT = 2;
const DEFAULT_API_BASE_URL = 'https://api.segmind.com';
const DEFAULT_UPLOAD_BASE_URL = 'https://workflows-api.segmind.com';

export function readSettings(scope?: vscode.Uri): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const ignored: string[] = [];
  // What decides where the key goes, or how much may be spent, comes from the user alone.
  const userValue = (key: string): unknown => {
    const inspected = config.inspect<unknown>(key);
    if (inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined) ignored.push(`${SECTION}.${key}`);
    return inspected?.globalValue ?? inspected?.defaultValue;
  };
  const applicationOnly = (key: string, fallback: string): string => {
    const value = userValue(key);
    return typeof value === 'string' && value.trim() !== '' ? value : fallback;
  };
  const limit = (key: string, fallback: number): number => {
    const value = userValue(key);
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  const defaultModel = config.get<unknown>('defaultModel');
  const timeoutSeconds = config.get<unknown>('timeoutSeconds');
  const lowCreditWarning = config.get<unknown>('lowCreditWarning');
  const maxRequestsPerMinute = config.get<unknown>('maxRequestsPerMinute');
  const customModels = parseCustomModels(userValue('customModels'));
  return {
    apiBaseUrl: applicationOnly('apiBaseUrl', DEFAULT_API_BASE_URL),
    uploadBaseUrl: applicationOnly('uploadBaseUrl', DEFAULT_UPLOAD_BASE_URL),
    outputFolder: config.get<string>('outputFolder') ?? 'assets',
    stylePrompt: typeof config.get('stylePrompt') === 'string' ? String(config.get('stylePrompt')).slice(0, 1000) : '',
    defaultModel: isTextToImageModel(defaultModel) ? defaultModel : 'gpt-image-1',
    customModels: customModels.specs,
    customModelProblems: customModels.problems,
    parameters: {
      size: config.get('size'),
      quality: config.get('quality'),
      background: config.get('background'),
      outputFormat: config.get('outputFormat'),
      outputCompression: config.get('outputCompression'),
      moderation: config.get('moderation'),
    },
    transport: config.get('transport') === 'sync' ? 'sync' : 'async',
    saveMetadata: config.get('saveMetadata') !== false,
    missingImages: {
      webRoot: webRootOf(config),
      report: MISSING_IMAGE_REPORTS.find((report) => report === config.get('missingImages.report')) ?? 'information',
    },
    preserveUnmaskedPixels: config.get('preserveUnmaskedPixels') !== false,
    timeoutSeconds: typeof timeoutSeconds === 'number' && timeoutSeconds > 0 ? timeoutSeconds : 600,
    lowCreditWarning: typeof lowCreditWarning === 'number' ? lowCreditWarning : 5,
    maxRequestsPerMinute: typeof maxRequestsPerMinute === 'number' && maxRequestsPerMinute >= 0 ? maxRequestsPerMinute : DEFAULT_MAX_REQUESTS_PER_MINUTE,
    spendLimits: { dailyUsd: limit('dailySpendLimit', 0), agentDailyUsd: limit('agentDailySpendLimit', DEFAULT_AGENT_DAILY_SPEND_LIMIT) },
    ignoredWorkspaceSettings: ignored,
  };
}

/** VS Code's own proxy settings (section `http`), which every request of this extension follows. */
/**
 * `segmind.missingImages.webRoot` of a folder alone: a scan asks it for every document it reads, and
 * reading every setting (each inspected for Restricted Mode) was a fifth of a 5,000-file scan.
 */
export function readWebRoot(scope: vscode.Uri): string {
  return webRootOf(vscode.workspace.getConfiguration(SECTION, scope));
}

function webRootOf(config: vscode.WorkspaceConfiguration): string {
  const value = config.get('missingImages.webRoot');
  return typeof value === 'string' ? value : '';
}

export function readProxySettings(): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  const proxy = http.get<unknown>('proxy');
  const authorization = http.get<unknown>('proxyAuthorization');
  const noProxy = http.get<unknown>('noProxy');
  return {
    proxy: typeof proxy === 'string' ? proxy : '',
    ...(typeof authorization === 'string' && authorization.trim() ? { authorization: authorization.trim() } : {}),
    strictSSL: http.get<unknown>('proxyStrictSSL') !== false,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '') : [],
  };
}
