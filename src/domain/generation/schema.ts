/**
 * The schema library, as every module here uses it (`import * as z from './schema'`): zod's
 * tree-shakable build, zod/mini, re-exported name by name so the bundle keeps only what is used
 * (zod's classic namespace took 447 KiB), with its English messages (mini loads no locale by
 * itself, and the messages reach users: "Option size: Invalid input: expected string…").
 */
import { config, globalRegistry, type ZodMiniType } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';

/**
 * A schema built on first use. Building zod schemas (and zod's first run, which the engine compiles
 * then) was most of what loading the services cost; a schema a session never parses with is never built.
 */
export function once<T>(build: () => T): () => T {
  let built: { readonly value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

/** A schema with what its JSON schema says of it (a description for the language model, an enum the type does not carry). */
export function described<T extends ZodMiniType>(schema: T, meta: { description?: string; enum?: readonly string[] }): T {
  globalRegistry.add(schema, meta);
  return schema;
}
