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

/** Reading a configuration's parts: an object (else empty), a string, a string or list of strings. */
export const object = (value: ConfigValue | undefined): { readonly [key: string]: ConfigValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value) ? (value as { readonly [key: string]: ConfigValue }) : {};
export const text = (value: ConfigValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
export const texts = (value: ConfigValue | undefined): string[] | undefined =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? (value as ConfigValue[]).filter((item): item is string => typeof item === 'string') : undefined;
