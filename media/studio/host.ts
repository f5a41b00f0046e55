/** The webview's one line to the host: typed messages out (the host validates them) and the state kept over reloads. */
import type { StudioWebviewState, WebviewToHost } from '../../src/protocol/studioProtocol';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: StudioWebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
  post(message: WebviewToHost): void;
  /** What was kept with setState, checked: a field that does not look right is dropped. */
  savedState(): StudioWebviewState;
  saveState(state: StudioWebviewState): void;
}

export function connectToHost(): Host {
  const api = acquireVsCodeApi(); // may be called once per page
  return {
    post: (message) => api.postMessage(message),
    saveState: (state) => api.setState(state),
    savedState: () => {
      const state = api.getState();
      if (typeof state !== 'object' || state === null) return {};
      const { settings, inputs } = state as StudioWebviewState;
      return {
        ...(settings && typeof settings.prompt === 'string' && typeof settings.parameters === 'object' ? { settings } : {}),
        ...(Array.isArray(inputs) ? { inputs: inputs.filter((uri): uri is string => typeof uri === 'string') } : {}),
      };
    },
  };
}
