/**
 * Image references in CSS, SCSS and Less: `url(…)` and the candidates of `image-set(…)`, read from
 * the tokens of @csstools/css-tokenizer (the CSS Syntax standard's tokenizer), so comments and
 * strings are never mistaken for code. SCSS and Less also have `//` line comments, which CSS does
 * not: their tokens are skipped to the end of the line.
 */
import { tokenize, TokenType, type CSSToken } from '@csstools/css-tokenizer';
import { imagePathOf, type ImageReference } from '../domain/references/imageReference';

export type CssDialect = 'css' | 'scss';

const IMAGE_SET = /^(-webkit-)?image-set$/i;

export function cssReferences(text: string, dialect: CssDialect = 'css', offset = 0): ImageReference[] {
  const tokens = tokenize({ css: text });
  const found: ImageReference[] = [];
  /** Depth of each open image-set( (and the parentheses inside it). */
  let imageSetDepth = 0;
  /** Where the open image-set( starts: its candidates are one subject. */
  let imageSetStart = 0;
  const take = (value: string, start: number, end: number): void => {
    if (imagePathOf(value) !== undefined)
      found.push({ value, start: offset + start, end: offset + end, ...(imageSetDepth > 0 ? { group: offset + imageSetStart } : {}) });
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as CSSToken;
    if (dialect === 'scss' && isLineComment(tokens, index)) {
      while (index < tokens.length && !(tokens[index]?.[0] === TokenType.Whitespace && String(tokens[index]?.[1]).includes('\n'))) index++;
      continue;
    }
    const [type, raw, start, last] = token;
    switch (type) {
      case TokenType.URL: {
        // url(path) unquoted: the value is the text inside, trimmed
        const open = raw.indexOf('(') + 1;
        const inner = raw.slice(open, raw.endsWith(')') ? -1 : undefined);
        const lead = inner.length - inner.trimStart().length;
        take(inner.trim(), start + open + lead, start + open + lead + inner.trim().length);
        break;
      }
      case TokenType.Function: {
        const name = token[4];
        if (/^url$/i.test(name.value) || IMAGE_SET.test(name.value) || imageSetDepth > 0) {
          if (IMAGE_SET.test(name.value) && imageSetDepth === 0) imageSetStart = start;
          if (IMAGE_SET.test(name.value) || imageSetDepth > 0) imageSetDepth++;
          if (/^url$/i.test(name.value)) {
            // url("path"): the string that follows
            const next = tokens[nextNonSpace(tokens, index + 1)];
            if (next?.[0] === TokenType.String) take(String(next[1]).slice(1, -1), next[2] + 1, next[3]);
          }
        }
        break;
      }
      case TokenType.OpenParen:
        if (imageSetDepth > 0) imageSetDepth++;
        break;
      case TokenType.CloseParen:
        if (imageSetDepth > 0) imageSetDepth--;
        break;
      case TokenType.String: // image-set("a.png" 1x, …): a bare string candidate
        if (imageSetDepth > 0 && !isUrlArgument(tokens, index)) take(raw.slice(1, -1), start + 1, last);
        break;
      default:
    }
  }
  return found;
}

/** The index of the first token at or after `from` that is not whitespace (the tokenizer merges whitespace, so this is a step or two). */
function nextNonSpace(tokens: readonly CSSToken[], from: number): number {
  let at = from;
  while (tokens[at]?.[0] === TokenType.Whitespace) at++;
  return at;
}

function isLineComment(tokens: readonly CSSToken[], index: number): boolean {
  const [here, next] = [tokens[index], tokens[index + 1]];
  return here?.[0] === TokenType.Delim && here[1] === '/' && next?.[0] === TokenType.Delim && next[1] === '/' && next[2] === here[3] + 1;
}

/** A string that is the argument of url( (taken there already). */
function isUrlArgument(tokens: readonly CSSToken[], index: number): boolean {
  for (let at = index - 1; at >= 0; at--) {
    const token = tokens[at] as CSSToken;
    if (token[0] === TokenType.Whitespace) continue;
    return token[0] === TokenType.Function && /^url$/i.test(token[4].value);
  }
  return false;
}
