/**
 * The values an Actions expression can produce, as far as static reading can tell: string literals,
 * and contexts left unresolved. `a && b` yields b (a is a condition), `a || b` yields either, a
 * comparison or a call yields no usable value. Anything the reader cannot follow is a context leaf.
 */
export type Leaf = { kind: 'literal'; value: string } | { kind: 'context'; path: string };

type Token = { type: 'str'; value: string } | { type: 'op'; value: string } | { type: 'word'; value: string };

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      while (i < text.length && !(text[i] === "'" && text[i + 1] !== "'")) {
        // '' is an escaped quote inside a string literal.
        value += text[i] ?? '';
        i += text[i] === "'" ? 2 : 1;
      }
      if (text[i] !== "'") return undefined;
      i++;
      tokens.push({ type: 'str', value });
    } else {
      const op = /^(&&|\|\||==|!=|<=|>=|[<>!(),[\]])/.exec(text.slice(i))?.[0];
      if (op) {
        tokens.push({ type: 'op', value: op });
        i += op.length;
      } else {
        const word = /^[\w.*-]+/.exec(text.slice(i))?.[0];
        if (!word) return undefined;
        tokens.push({ type: 'word', value: word });
        i += word.length;
      }
    }
  }
  return tokens;
}

/** Leaves of one expression (the text inside `${{ }}`); undefined when it cannot be read. */
export function expressionLeaves(text: string): Leaf[] | undefined {
  const tokens = tokenize(text);
  if (tokens === undefined) return undefined;
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (value: string) => peek()?.type === 'op' && peek()?.value === value;
  // Each parse function returns the leaves its sub-expression can evaluate to.
  const or = (): Leaf[] => {
    const leaves = and();
    while (isOp('||')) {
      pos++;
      for (const leaf of and()) leaves.push(leaf);
    }
    return leaves;
  };
  const and = (): Leaf[] => {
    let leaves = comparison();
    while (isOp('&&')) {
      pos++;
      leaves = comparison();
    }
    return leaves;
  };
  const comparison = (): Leaf[] => {
    const leaves = unary();
    if (['==', '!=', '<', '>', '<=', '>='].some(isOp)) {
      pos++;
      unary();
      return [];
    }
    return leaves;
  };
  const unary = (): Leaf[] => {
    if (isOp('!')) {
      pos++;
      unary();
      return [];
    }
    return primary();
  };
  // `a['b'].c` after its first word: indexes, then more properties (the tokenizer reads `.c` as a word).
  const accessors = (): string => {
    let path = '';
    const property = () => peek()?.type === 'word' && peek()?.value.startsWith('.') === true;
    while (isOp('[') || property()) {
      if (property()) {
        path += tokens[pos++]?.value ?? '';
        continue;
      }
      const start = pos;
      while (pos < tokens.length && !isOp(']')) pos++;
      pos++;
      path += `[${tokens.slice(start + 1, pos - 1).map((t) => t.value).join('')}]`;
    }
    return path;
  };
  const primary = (): Leaf[] => {
    const token = tokens[pos++];
    if (token === undefined) throw new Error('unexpected end');
    if (token.type === 'str') return [{ kind: 'literal', value: token.value }];
    if (token.type === 'op' && token.value === '(') {
      const inner = or();
      if (!isOp(')')) throw new Error('missing )');
      pos++;
      return inner;
    }
    if (token.type === 'word' && isOp('(')) {
      // A function call: its result is not a literal this reader can know.
      let depth = 0;
      do {
        if (isOp('(')) depth++;
        if (isOp(')')) depth--;
        pos++;
      } while (depth > 0 && pos < tokens.length);
      return [{ kind: 'context', path: `${token.value}(…)` }];
    }
    if (token.type === 'word') {
      if (/^(true|false|null|-?\d[\d.]*)$/.test(token.value)) return [];
      return [{ kind: 'context', path: token.value + accessors() }];
    }
    throw new Error(`unexpected ${token.value}`);
  };
  try {
    const leaves = or();
    return pos === tokens.length ? leaves : undefined;
  } catch {
    return undefined;
  }
}

const WHOLE = /^\$\{\{([\s\S]*)\}\}$/;

/** The expression inside a value that is one `${{ … }}` and nothing else. */
export function wholeExpression(value: string): string | undefined {
  const match = WHOLE.exec(value.trim());
  return match && !match[1]?.includes('}}') ? match[1] : undefined;
}
