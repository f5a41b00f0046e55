/**
 * How a job is run against the service: `async` is v2 submit + poll, `sync` one blocking v1 call.
 * Here because both the settings (which choose it) and the job runner (which obeys it) look at it.
 */
export const TRANSPORTS = ['async', 'sync'] as const;
export type Transport = (typeof TRANSPORTS)[number];
