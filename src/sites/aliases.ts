/**
 * Aliases a site defines for its paths: Vite's and webpack's `resolve.alias`, and the `paths` of a
 * tsconfig.json or jsconfig.json. An alias whose target is not a literal is kept with no target: its
 * references are skipped, never guessed.
 */
import * as posix from 'node:path/posix';
import { isUnknown, UNKNOWN, type ConfigValue } from './configTypes';
import { object, text, texts } from './configTypes';
import { joinFolder } from './folders';

/** `@site/` → the site's root; a target of undefined is an alias whose folder cannot be known: its references are skipped. */
export interface Alias {
  readonly prefix: string;
  readonly target: string | undefined;
}

/** Vite's and webpack's `resolve.alias`: `{ '@': '/src' }` or `[{ find, replacement }]`; a target that is not a literal is unknown. */
export function aliasesOf(value: ConfigValue | undefined, folder: string): Alias[] {
  if (value === undefined) return [];
  const pairs: [string, ConfigValue | undefined][] = Array.isArray(value)
    ? (value as ConfigValue[]).map((entry) => [text(object(entry)['find']) ?? '', object(entry)['replacement']])
    : Object.entries(object(value));
  return pairs
    .filter(([find]) => find !== '')
    .map(([find, replacement]) => {
      const target = text(replacement);
      // `/src` in a Vite alias is the project's root, not the file system's.
      const resolved = target === undefined || isUnknown(replacement ?? UNKNOWN) ? undefined : joinFolder(folder, target.replace(/^\/+/, ''));
      return { prefix: find.endsWith('/') ? find : `${find}/`, target: resolved };
    });
}

/** `compilerOptions.paths` of a tsconfig.json or jsconfig.json (workspace-relative): `"@/*": ["./src/*"]` → `@/` → `src/`. */
export function tsconfigAliases(configFile: string, value: ConfigValue): Alias[] {
  const folder = posix.dirname(configFile) === '.' ? '' : posix.dirname(configFile);
  const options = object(object(value)['compilerOptions']);
  const base = joinFolder(folder, text(options['baseUrl']) ?? '.') ?? folder;
  return Object.entries(object(options['paths'])).flatMap(([pattern, targets]) => {
    const [first] = texts(targets) ?? [];
    if (!pattern.endsWith('/*') || pattern === '*' || first === undefined || !first.endsWith('*')) return [];
    const target = joinFolder(base, first.slice(0, -1) || '.');
    return [{ prefix: pattern.slice(0, -1), target }];
  });
}
