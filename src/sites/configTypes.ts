/**
 * What a configuration read as literals is made of (./configValue.ts reads it, in the parser worker;
 * the host only needs these types and the UNKNOWN marker, without the parsers).
 */

/** A value the configuration computes: not known without running it. Kept apart from "not given". */
export const UNKNOWN = Object.freeze({ $unknown: true as const });
export type Unknown = typeof UNKNOWN;

export type ConfigValue = string | number | boolean | null | Unknown | readonly ConfigValue[] | { readonly [key: string]: ConfigValue };

/** An UNKNOWN that crossed a worker boundary is an equal object, not the same one. */
export const isUnknown = (value: unknown): value is Unknown =>
  typeof value === 'object' && value !== null && (value as { $unknown?: unknown }).$unknown === true;
