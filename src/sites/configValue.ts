/**
 * A site's configuration, read without running it: JSON (with comments, as tsconfig.json has them),
 * YAML and TOML by their parsers, and JavaScript or TypeScript modules by the script parser, keeping
 * only what is written as a literal. Anything else (a call, `path.resolve(__dirname, 'src')`, an
 * import) is UNKNOWN, and the framework's default applies where it matters. Runs in the parser worker.
 *
 * Bounded: a configuration whose value holds more than MAX_VALUES values (constants built from
 * constants, spreads, repeats: 420 bytes can name ten million) is UNKNOWN as a whole. Each constant is
 * read once and counted at every use, so a hostile one costs its budget, not its expansion, and what
 * is cloned back to the extension host's main thread stays small.
 */
import { parse as parseScript } from '@babel/parser';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

import { isUnknown, UNKNOWN, type ConfigValue } from './configTypes';

export { isUnknown, UNKNOWN, type ConfigValue } from './configTypes';

/** Values a configuration may hold (every string, number, list and object counts one): real ones hold hundreds. */
export const MAX_VALUES = 20_000;

/** Past the budget: the whole configuration is UNKNOWN. */
class OverBudget extends Error {}

/** The configuration in `text`, by the file's name; UNKNOWN when it cannot be read at all, or holds more than MAX_VALUES values. */
export function readConfig(fileName: string, text: string): ConfigValue {
  const value = parsedConfig(fileName, text);
  return isUnknown(value) || valuesIn(value, MAX_VALUES) <= MAX_VALUES ? value : UNKNOWN;
}

/** How many values `value` holds, counted up to just past `limit` (a shared part counts at every place it appears). */
export function valuesIn(value: ConfigValue, limit: number): number {
  let count = 0;
  const pending: ConfigValue[] = [value];
  while (pending.length > 0 && count <= limit) {
    const next = pending.pop() as ConfigValue;
    count++;
    if (typeof next === 'object' && next !== null && !isUnknown(next)) pending.push(...(Array.isArray(next) ? (next as ConfigValue[]) : Object.values(next)));
  }
  return count;
}

function parsedConfig(fileName: string, text: string): ConfigValue {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  try {
    switch (extension) {
      case 'json': {
        const errors: ParseError[] = [];
        const value = parseJsonc(text, errors, { allowTrailingComma: true }) as ConfigValue | undefined;
        return errors.length > 0 || value === undefined ? UNKNOWN : value;
      }
      case 'yml':
      case 'yaml':
        // A bounded number of aliases: a "billion laughs" file stays small.
        // MkDocs' `!ENV` and `!!python/name:` tags are left unresolved, quietly (the values around them still count).
        return (parseYaml(text, { maxAliasCount: 100, logLevel: 'error' }) as ConfigValue | undefined) ?? null;
      case 'toml':
        // Plain objects, as every other format gives (smol-toml's have no prototype; its dates become strings).
        return JSON.parse(JSON.stringify(parseToml(text))) as ConfigValue;
      case 'js':
      case 'mjs':
      case 'cjs':
      case 'ts':
      case 'mts':
      case 'cts':
        return scriptConfig(text, extension.includes('t'));
      default:
        return UNKNOWN;
    }
  } catch {
    return UNKNOWN;
  }
}

/** The front matter of a page (`---` YAML `---` at its start), or undefined. */
export function frontMatterOf(text: string): { readonly [key: string]: ConfigValue } | undefined {
  const match = /^---\r?\n([\s\S]{0,65536}?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (!match?.[1]) return undefined;
  try {
    const value = parseYaml(match[1], { maxAliasCount: 100 }) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { [key: string]: ConfigValue }) : undefined;
  } catch {
    return undefined;
  }
}

interface Node {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** How deep identifiers are followed (`const a = b; const b = {…}`): enough for any config, never a loop. */
const MAX_DEPTH = 32;

function scriptConfig(text: string, typescript: boolean): ConfigValue {
  const program = parseScript(text, {
    sourceType: 'unambiguous',
    plugins: typescript ? ['typescript', 'decorators'] : ['jsx', 'decorators'],
    errorRecovery: true,
  }).program as unknown as Node;
  const body = program['body'] as Node[];
  const scope = new Map<string, Node>();
  let exported: Node | undefined;
  for (const statement of body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? (statement['declaration'] as Node | null) : statement;
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration['declarations'] as Node[]) {
        const id = declarator['id'] as Node;
        if (id.type === 'Identifier' && declarator['init']) scope.set(String(id['name']), declarator['init'] as Node);
      }
    }
    if (declaration?.type === 'FunctionDeclaration' && declaration['id']) scope.set(String((declaration['id'] as Node)['name']), declaration);
    if (statement.type === 'ExportDefaultDeclaration') exported = statement['declaration'] as Node;
    if (statement.type === 'ExpressionStatement') {
      const expression = statement['expression'] as Node;
      if (expression.type === 'AssignmentExpression' && isModuleExports(expression['left'] as Node)) exported = expression['right'] as Node;
    }
  }
  if (!exported) return UNKNOWN;
  try {
    return new ScriptReading(scope).valueOf(exported, 0);
  } catch (error) {
    if (error instanceof OverBudget) return UNKNOWN;
    throw error;
  }
}

/** `module.exports` or `exports.default`. */
function isModuleExports(node: Node): boolean {
  if (node.type !== 'MemberExpression') return false;
  const [object, property] = [node['object'] as Node, node['property'] as Node];
  return (
    (object.type === 'Identifier' && object['name'] === 'module' && property['name'] === 'exports') ||
    (object.type === 'Identifier' && object['name'] === 'exports' && property['name'] === 'default')
  );
}

/** `defineConfig(…)`, `defineNuxtConfig(…)`, `withMDX(…)`: the conventional helpers that hand a configuration through. */
const CONFIG_HELPER = /^(define|with)[A-Z]|^defineConfig$/;

/**
 * One module's constants, each read once (a memo) and counted, with everything it holds, at every
 * use: the values the configuration holds are counted as it is read, and the reading stops past the
 * budget. A constant that names itself while it is read is UNKNOWN.
 */
class ScriptReading {
  private readonly constants = new Map<string, { readonly value: ConfigValue; readonly values: number } | 'reading'>();
  private spent = 0;

  constructor(private readonly scope: ReadonlyMap<string, Node>) {}

  private count(values: number): void {
    this.spent += values;
    if (this.spent > MAX_VALUES) throw new OverBudget();
  }

  private constant(name: string, depth: number): ConfigValue {
    const known = this.constants.get(name);
    if (known === 'reading') return UNKNOWN;
    if (known) {
      this.count(known.values);
      return known.value;
    }
    const bound = this.scope.get(name);
    if (!bound) return UNKNOWN;
    this.constants.set(name, 'reading');
    const before = this.spent;
    const value = this.valueOf(bound, depth + 1);
    this.constants.set(name, { value, values: this.spent - before });
    return value;
  }

  valueOf(node: Node | null | undefined, depth: number): ConfigValue {
    if (!node || depth > MAX_DEPTH) return UNKNOWN;
    this.count(1);
    const next = (child: unknown): ConfigValue => this.valueOf(child as Node, depth + 1);
    switch (node.type) {
      case 'StringLiteral':
        return String(node['value']);
      case 'NumericLiteral':
        return Number(node['value']);
      case 'BooleanLiteral':
        return Boolean(node['value']);
      case 'NullLiteral':
        return null;
      case 'TemplateLiteral': {
        const quasis = node['quasis'] as Node[];
        return (node['expressions'] as Node[]).length === 0 && quasis.length === 1
          ? String((quasis[0]?.['value'] as { cooked?: string }).cooked ?? '')
          : UNKNOWN;
      }
      case 'ObjectExpression': {
        const value: Record<string, ConfigValue> = {};
        for (const property of node['properties'] as Node[]) {
          if (property.type === 'SpreadElement') {
            const spread = next(property['argument']);
            if (typeof spread === 'object' && spread !== null && !Array.isArray(spread) && !isUnknown(spread)) Object.assign(value, spread);
            continue;
          }
          const key = property['key'] as Node;
          const name = property['computed']
            ? undefined
            : key.type === 'Identifier'
              ? key['name']
              : key.type === 'StringLiteral' || key.type === 'NumericLiteral'
                ? key['value']
                : undefined;
          if (typeof name !== 'string' && typeof name !== 'number') continue;
          value[String(name)] = property.type === 'ObjectProperty' ? next(property['value']) : UNKNOWN;
        }
        return value;
      }
      case 'ArrayExpression':
        return (node['elements'] as (Node | null)[]).map((element) => (element && element.type !== 'SpreadElement' ? next(element) : UNKNOWN));
      case 'Identifier':
        return node['name'] === 'undefined' ? UNKNOWN : this.constant(String(node['name']), depth);
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ParenthesizedExpression':
        return next(node['expression']);
      case 'AwaitExpression':
        return next(node['argument']);
      case 'CallExpression': {
        const callee = node['callee'] as Node;
        const [first] = node['arguments'] as Node[];
        return callee.type === 'Identifier' && CONFIG_HELPER.test(String(callee['name'])) ? next(first) : UNKNOWN;
      }
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
      case 'FunctionDeclaration':
        return next(returnedBy(node));
      default:
        return UNKNOWN;
    }
  }
}

/** What a config function returns: its expression body, or its body's last top-level `return`. */
function returnedBy(fn: Node): Node | undefined {
  const body = fn['body'] as Node;
  if (body.type !== 'BlockStatement') return body;
  const statements = body['body'] as Node[];
  const last = [...statements].reverse().find((statement) => statement.type === 'ReturnStatement');
  return last?.['argument'] as Node | undefined;
}
