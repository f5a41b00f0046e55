/**
 * Image references in JavaScript and TypeScript, with or without JSX: static imports, `import()`,
 * `require()`, `new URL("…", import.meta.url)` and JSX attributes of the same elements as markup,
 * read from the syntax tree of @babel/parser (error recovery on, so a file being typed still
 * reads). Only string literals count (and JSX `{"…"}`); template literals, comments and other
 * expressions never do. A file that cannot be parsed at all reports nothing rather than guessing.
 */
import { parse, type ParserPlugin } from '@babel/parser';
import { candidateSize, imagePathOf, isWidthDescriptor, sizeOf, srcsetCandidates, type ImageReference } from '../domain/references/imageReference';

/** `ts` is TypeScript without JSX (`<T>x` is a cast there); `jsx` covers plain JavaScript too. */
export type ScriptDialect = 'jsx' | 'ts' | 'tsx';

/**
 * Decorators, as Lit, Angular and NestJS write them (without the plugin, such a file gave no
 * references at all): the standard proposal, which also reads TypeScript's legacy form.
 */
const PLUGINS: Record<ScriptDialect, ParserPlugin[]> = {
  jsx: ['jsx', 'decorators'],
  ts: ['typescript', 'decorators'],
  tsx: ['jsx', 'typescript', 'decorators'],
};

interface Node {
  readonly type: string;
  readonly start?: number | null;
  readonly end?: number | null;
  readonly [key: string]: unknown;
}

export function scriptReferences(text: string, dialect: ScriptDialect, offset = 0): ImageReference[] {
  let program: Node;
  try {
    program = parse(text, { sourceType: 'module', plugins: PLUGINS[dialect], errorRecovery: true, allowReturnOutsideFunction: true })
      .program as unknown as Node;
  } catch (error) {
    if (error instanceof SyntaxError) return []; // not a script babel can read, even with error recovery
    throw error; // anything else (the stack running out) is the worker's to report
  }
  const found: ImageReference[] = [];
  const take = (literal: Node | undefined, details: Omit<ImageReference, 'value' | 'start' | 'end'> = {}): void => {
    if (literal?.type !== 'StringLiteral' || typeof literal.value !== 'string' || literal.start == null || literal.end == null) return;
    const written = text.slice(literal.start + 1, literal.end - 1);
    if (imagePathOf(written) !== undefined) found.push({ value: written, start: offset + literal.start + 1, end: offset + literal.end - 1, ...details });
  };
  walk(program, (node) => {
    switch (node.type) {
      case 'ImportDeclaration':
        return take(node.source as Node);
      case 'ImportExpression':
        return take(node.source as Node);
      case 'CallExpression': {
        const callee = node.callee as Node;
        const args = node.arguments as Node[];
        if ((callee.type === 'Identifier' && callee.name === 'require') || callee.type === 'Import') take(args[0]);
        return;
      }
      case 'NewExpression': {
        const [first, second] = node.arguments as Node[];
        if ((node.callee as Node).type === 'Identifier' && (node.callee as Node).name === 'URL' && isImportMetaUrl(second)) take(first);
        return;
      }
      case 'JSXOpeningElement':
        return jsxElement(node, offset, take);
      default:
    }
  });
  return found;
}

function isImportMetaUrl(node: Node | undefined): boolean {
  if (node?.type !== 'MemberExpression') return false;
  const [object, property] = [node.object as Node, node.property as Node];
  return object.type === 'MetaProperty' && (object.meta as Node).name === 'import' && (object.property as Node).name === 'meta' && property.name === 'url';
}

/** JSX elements as markup names them (an `Image` component is matched by name, as written). */
function jsxElement(node: Node, offset: number, take: (literal: Node | undefined, details?: Omit<ImageReference, 'value' | 'start' | 'end'>) => void): void {
  const name = (node.name as Node).type === 'JSXIdentifier' ? String((node.name as Node).name) : '';
  const attributes = new Map<string, Node | undefined>();
  for (const attribute of node.attributes as Node[]) {
    if (attribute.type !== 'JSXAttribute' || (attribute.name as Node).type !== 'JSXIdentifier') continue;
    const value = attribute.value as Node | null;
    attributes.set(String((attribute.name as Node).name), value?.type === 'JSXExpressionContainer' ? (value.expression as Node) : (value ?? undefined));
  }
  const text = (key: string): string | undefined => {
    const value = attributes.get(key);
    return value?.type === 'StringLiteral' && typeof value.value === 'string' ? value.value : undefined;
  };
  const number = (key: string): string | number | undefined => {
    const value = attributes.get(key);
    return value?.type === 'NumericLiteral' && typeof value.value === 'number' ? value.value : text(key);
  };
  const keys =
    name === 'img' || name === 'source'
      ? ['src', 'srcSet']
      : name === 'Image'
        ? ['src']
        : name === 'video'
          ? ['poster']
          : name === 'link' && /^(icon|shortcut icon|apple-touch-icon)$/i.test(text('rel') ?? '')
            ? ['href']
            : name === 'meta' && /^(og:image|twitter:image)$/i.test(text('property') ?? text('name') ?? '')
              ? ['content']
              : [];
  const size = sizeOf(number('width'), number('height'));
  const [alt, title] = [text('alt'), text('title')];
  const details = {
    ...(size ? { size } : {}),
    ...(alt ? { alt } : {}),
    ...(title ? { title } : {}),
    ...(node.start != null ? { group: offset + node.start } : {}),
  };
  for (const key of keys) {
    const value = attributes.get(key);
    if (key !== 'srcSet' || value?.type !== 'StringLiteral' || value.start == null) take(value, details);
    else
      for (const candidate of srcsetCandidates(String(value.value))) {
        // A candidate as a literal of its own: its range inside the quotes, its size by its descriptor.
        const start = value.start + 1 + candidate.start;
        const shown = candidateSize(size, candidate.descriptor);
        take(
          {
            type: 'StringLiteral',
            value: String(value.value).slice(candidate.start, candidate.end),
            start: start - 1,
            end: start + candidate.end - candidate.start + 1,
          },
          { ...details, ...(shown ? { size: shown } : {}), ...(shown && isWidthDescriptor(candidate.descriptor) ? { intrinsic: true as const } : {}) },
        );
      }
  }
}

const SKIPPED = new Set(['loc', 'start', 'end', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'range']);

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** Every node, parents before children, with a stack of its own (deeply nested code must not exhaust the call stack). */
function walk(root: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    visit(node);
    const children: Node[] = [];
    for (const key in node) {
      if (SKIPPED.has(key)) continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) children.push(item);
      } else if (isNode(child)) children.push(child);
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Node);
  }
}
