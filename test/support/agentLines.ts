/**
 * Agents' lines read as their agents read them, for the unit and the integration tests: words as
 * a POSIX shell (or a Windows program) gets them, and `claude mcp add`'s own grammar (commander:
 * `-e/--env` takes several values, so a name after it is taken as one).
 */
import * as assert from 'node:assert/strict';

/** Words as a POSIX shell makes them; anything the shell would expand or run is refused, so "works as pasted" means literally. */
export function posixWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated single quote');
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word ??= '';
      for (i++; line[i] !== '"'; i++) {
        if (i >= line.length) throw new Error('unterminated double quote');
        if (line[i] === '$' || line[i] === '`') throw new Error(`${line[i]} would be expanded in double quotes`);
        if (line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) i++;
        word += line[i];
      }
    } else if (c === '\\') {
      word = (word ?? '') + (line[++i] ?? '');
    } else if (/[|&;<>()$`*?[\]#~!{}\n]/.test(c)) {
      throw new Error(`unquoted ${JSON.stringify(c)} would be read by the shell`);
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Words as a Windows program gets them (CommandLineToArgvW): double quotes group, a backslash is itself unless a quote follows. */
export function windowsWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (c === '\\' && line[i + 1] === '"') word = (word ?? '') + line[++i];
    else if (c === '"') {
      quoted = !quoted;
      word ??= '';
    } else if (c === ' ' && !quoted) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (quoted) throw new Error('unterminated double quote');
  if (word !== undefined) words.push(word);
  return words;
}

export interface ClaudeAdd {
  readonly scope?: string;
  readonly env: Record<string, string>;
  readonly name: string;
  readonly command: string;
  readonly args: string[];
}

/**
 * `claude mcp add [options] <name> <commandOrUrl> [args...]` as commander reads it: options anywhere
 * before `--`; `-s/--scope <scope>` and `-t/--transport <t>` take one value, `-e/--env <env...>` and
 * `-H/--header <header...>` every value up to the next option; then each env must be KEY=value.
 */
export function claudeMcpAdd(argv: readonly string[]): ClaudeAdd {
  assert.deepEqual(argv.slice(0, 3), ['claude', 'mcp', 'add']);
  const positionals: string[] = [];
  const env: string[] = [];
  let scope: string | undefined;
  let variadic: string[] | undefined;
  for (let i = 3; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (word.startsWith('-') && word.length > 1) {
      variadic = undefined;
      if (word === '-s' || word === '--scope') scope = argv[++i];
      else if (word === '-t' || word === '--transport') i++;
      else if (word === '-e' || word === '--env') variadic = env;
      else if (word === '-H' || word === '--header') variadic = [];
      else throw new Error(`error: unknown option '${word}'`);
    } else if (variadic) variadic.push(word);
    else positionals.push(word);
  }
  const pairs = env.map((pair) => {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`Invalid environment variable format: ${pair}`);
    return [pair.slice(0, at), pair.slice(at + 1)] as const;
  });
  const [name, command, ...args] = positionals;
  if (name === undefined || command === undefined) throw new Error("error: missing required argument 'commandOrUrl'");
  return { ...(scope ? { scope } : {}), env: Object.fromEntries(pairs), name, command, args };
}
