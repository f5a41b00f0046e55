/**
 * Makes Segmind clients from the current settings and the stored key. Clients are cheap, so every
 * operation gets a fresh one and a changed setting applies at once; request logging is wired here.
 */
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { Logger } from '../log/logger';
import { RequestBudget, RequestGateOnBudget } from '../segmind/requestBudget';
import { SegmindClient, type RequestEvent } from '../segmind/client';
import { systemClock, type Clock } from '../domain/jobs/clock';
import { proxyRoute, type ProxyRoute } from '../segmind/proxy';
import { DEFAULT_MAX_REQUESTS_PER_MINUTE, readProxySettings, readSettings, type Settings } from './settings';

export class ClientFactory {
  /** One budget for every client, so all jobs together stay under the rate limit. */
  readonly gate: RequestGateOnBudget;
  private readonly warnedAbout = new Set<string>();
  /** The proxy route of the settings of the moment, rebuilt when they change (compared by value, on each client made). */
  private route: { readonly key: string; readonly route: ProxyRoute } | undefined;

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly logger: Logger,
    private readonly extensionVersion: string,
    readonly clock: Clock = systemClock,
  ) {
    this.gate = new RequestGateOnBudget(new RequestBudget(DEFAULT_MAX_REQUESTS_PER_MINUTE), clock);
  }

  create(settings: Settings = readSettings()): SegmindClient {
    // Clients are made per job and per call: say it once, not for every variant of every run.
    for (const ignored of settings.ignoredWorkspaceSettings.filter((name) => !this.warnedAbout.has(name))) {
      this.warnedAbout.add(ignored);
      this.logger.warn(
        `Ignoring ${ignored} from the workspace settings: it may only be set in user settings, so a workspace cannot redirect your API key or raise your spending limits.`,
      );
    }
    this.gate.budget.setLimit(settings.maxRequestsPerMinute);
    const { dispatcher, label } = this.proxy();
    return new SegmindClient({
      gate: this.gate,
      dispatcher,
      ...(label ? { via: label } : {}),
      apiBaseUrl: settings.apiBaseUrl,
      uploadBaseUrl: settings.uploadBaseUrl,
      apiKey: async () => (await this.keys.get())?.key,
      clock: this.clock,
      userAgent: `segmind-image-studio/${this.extensionVersion} vscode/${vscode.version}`,
      onRequest: (event) => this.logRequest(event),
    });
  }

  private proxy(): ProxyRoute {
    const settings = readProxySettings();
    const env = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'].map((name) => process.env[name]);
    const key = JSON.stringify([settings, ...env]);
    if (this.route?.key !== key) {
      const old = this.route?.route;
      const route = proxyRoute(settings);
      this.route = { key, route };
      if (route.label)
        this.logger.info(`Requests go through the proxy ${route.label}${settings.noProxy.length > 0 ? ` (not for ${settings.noProxy.join(', ')})` : ''}.`);
      if (route.ignoredNoProxy.length > 0)
        this.logger.warn(`Ignoring no-proxy entries that name no host, address or range: ${route.ignoredNoProxy.join(', ')}.`);
      // Requests still under way on the old route finish on it; close() waits for them.
      void old?.close().catch(() => undefined);
    }
    return this.route.route;
  }

  private logRequest(event: RequestEvent): void {
    const outcome = event.error ? `${event.status ?? event.error.kind}: ${event.error.message}` : String(event.status);
    const retry = event.retryInMs === undefined ? '' : `; retrying in ${(event.retryInMs / 1000).toFixed(1)} s`;
    const line = `${event.method} ${event.url} → ${outcome} (${event.durationMs} ms, attempt ${event.attempt})${retry}`;
    // Status polls are frequent; keep them out of the default (info) level unless they fail.
    if (event.error) this.logger.warn(line);
    else if (event.url.endsWith('/status')) this.logger.debug(line);
    else this.logger.info(line);
  }
}
