import { isMap, isNode, isScalar, LineCounter, parseDocument, Scalar } from 'yaml';
import { KeylessError } from '../errors.js';

export interface LoadedYaml {
  value: unknown;
  /** 1-based line of the node at `path` in the text the user edits, when it has one. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** 1-based line of the key at the end of `path` (its value may start on a later line). */
  keyLineOf(path: readonly (string | number)[]): number | undefined;
  /** Lines before the first line of a string value's text (after a `|` or `>`), to parse that text in place. */
  textOffsetOf(path: readonly (string | number)[]): number | undefined;
  readonly source: string;
}

/**
 * Parses one YAML document, keeping positions so validation can name the line of a bad value.
 * `lineOffset`: lines before the text in the file the user edits (a block scalar inside the policy file).
 */
export function loadYaml(text: string, source: string, lineOffset = 0): LoadedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    const line = lineCounter.linePos(first.pos[0]).line + lineOffset;
    // The parser's code, not its message: messages quote the offending text, which may be a secret.
    const reason = first.code.toLowerCase().replace(/_/g, ' ');
    throw new KeylessError('INPUT_INVALID', `${source} (line ${line}): malformed YAML (${reason})`, {
      hint: 'check indentation and quoting; a value with ": " or "#" needs quotes',
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Unresolved aliases and alias bombs surface only when the document is turned into values.
    throw new KeylessError('INPUT_INVALID', `${source}: malformed YAML: an alias is undefined or expands too far`, {
      hint: 'define every *alias with an &anchor before it, and avoid deeply nested aliases',
      cause: error,
    });
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  return {
    value,
    source,
    lineOf(path) {
      const node = doc.getIn(path, true);
      const offset = isNode(node) ? node.range?.[0] : undefined;
      return offset === undefined ? undefined : lineAt(offset);
    },
    keyLineOf(path) {
      const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
      const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1)) : undefined;
      const offset = isNode(pair?.key) ? pair.key.range?.[0] : undefined;
      return offset === undefined ? undefined : lineAt(offset);
    },
    textOffsetOf(path) {
      const node = doc.getIn(path, true);
      if (!isScalar(node) || !node.range) return undefined;
      // A block scalar's text starts on the line after its `|` or `>` header.
      const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
      return lineAt(node.range[0]) - (block ? 0 : 1);
    },
  };
}

/** The part of a document under one key, its lines still those of the whole document. */
export function yamlAt(yaml: LoadedYaml, key: string): LoadedYaml {
  const value = (yaml.value as Record<string, unknown>)[key];
  return {
    value,
    source: `${yaml.source}: ${key}`,
    lineOf: (path) => yaml.lineOf([key, ...path]),
    keyLineOf: (path) => yaml.keyLineOf([key, ...path]),
    textOffsetOf: (path) => yaml.textOffsetOf([key, ...path]),
  };
}
