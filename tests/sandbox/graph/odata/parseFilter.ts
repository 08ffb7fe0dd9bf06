import { GraphHttpError } from '../http/GraphHttpError';

export type FilterValue = string | boolean | null;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'eq' | 'ne'; property: string; value: FilterValue }
  | { kind: 'in'; property: string; values: FilterValue[] }
  | { kind: 'startswith'; property: string; value: string };

type Token = { type: 'ident' | 'string' | '(' | ')' | ','; text: string };

function invalid(filter: string): GraphHttpError {
  return new GraphHttpError(400, 'BadRequest', `Invalid filter clause: syntax error in '${filter}'.`);
}

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < filter.length) {
    const ch = filter[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch, text: ch });
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= filter.length) throw invalid(filter);
        if (filter[i] === "'") {
          if (filter[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += filter[i];
        i++;
      }
      tokens.push({ type: 'string', text: value });
    } else {
      const word = /^[\w.\-/:]+/.exec(filter.slice(i));
      if (!word) throw invalid(filter);
      tokens.push({ type: 'ident', text: word[0] });
      i += word[0].length;
    }
  }
  return tokens;
}

/**
 * The $filter subset the directory endpoints here need (eq, ne, in, startswith, and, or, parentheses), as
 * Graph's directory filters support them. Anything else is a 400 like Graph's.
 */
export function parseFilter(filter: string): FilterNode {
  const tokens = tokenize(filter);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const take = (type?: Token['type'], text?: string): Token => {
    const t = tokens[pos];
    if (!t || (type && t.type !== type) || (text && t.text.toLowerCase() !== text)) throw invalid(filter);
    pos++;
    return t;
  };
  const literal = (): FilterValue => {
    const t = take();
    if (t.type === 'string') return t.text;
    if (t.type === 'ident') {
      const lower = t.text.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      if (lower === 'null') return null;
      return t.text;
    }
    throw invalid(filter);
  };
  const term = (): FilterNode => {
    const t = peek();
    if (!t) throw invalid(filter);
    if (t.type === '(') {
      take('(');
      const inner = orExpr();
      take(')');
      return inner;
    }
    const ident = take('ident');
    if (ident.text.toLowerCase() === 'startswith' && peek()?.type === '(') {
      take('(');
      const property = take('ident').text;
      take(',');
      const value = take('string').text;
      take(')');
      return { kind: 'startswith', property, value };
    }
    const op = take('ident').text.toLowerCase();
    if (op === 'eq' || op === 'ne') return { kind: op, property: ident.text, value: literal() };
    if (op === 'in') {
      take('(');
      const values = [literal()];
      while (peek()?.type === ',') {
        take(',');
        values.push(literal());
      }
      take(')');
      return { kind: 'in', property: ident.text, values };
    }
    throw invalid(filter);
  };
  const andExpr = (): FilterNode => {
    let left = term();
    while (peek()?.type === 'ident' && peek()?.text.toLowerCase() === 'and') {
      take();
      left = { kind: 'and', left, right: term() };
    }
    return left;
  };
  const orExpr = (): FilterNode => {
    let left = andExpr();
    while (peek()?.type === 'ident' && peek()?.text.toLowerCase() === 'or') {
      take();
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };
  const node = orExpr();
  if (pos !== tokens.length) throw invalid(filter);
  return node;
}

/** Properties a filter names, so callers can reject unsupported ones before evaluating. */
export function filterProperties(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterProperties(node.left), ...filterProperties(node.right)];
    default:
      return [node.property];
  }
}

function same(a: unknown, b: FilterValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return (a ?? null) === b;
}

/** Directory string comparisons are case-insensitive. */
export function evaluateFilter(node: FilterNode, get: (property: string) => unknown): boolean {
  switch (node.kind) {
    case 'and':
      return evaluateFilter(node.left, get) && evaluateFilter(node.right, get);
    case 'or':
      return evaluateFilter(node.left, get) || evaluateFilter(node.right, get);
    case 'eq':
      return same(get(node.property), node.value);
    case 'ne':
      return !same(get(node.property), node.value);
    case 'in':
      return node.values.some((v) => same(get(node.property), v));
    case 'startswith': {
      const value = get(node.property);
      return typeof value === 'string' && value.toLowerCase().startsWith(node.value.toLowerCase());
    }
  }
}
