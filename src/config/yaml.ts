import { isNode, LineCounter, parseDocument } from 'yaml';
import { KeylessError } from '../errors.js';

export interface LoadedYaml {
  value: unknown;
  /** 1-based line of the node at `path` inside the document, when it has one. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** Line offset of the document inside whatever the user edits (0 for an input, for example). */
  readonly source: string;
}

/** Parses one YAML document, keeping positions so validation can name the line of a bad value. */
export function loadYaml(text: string, source: string): LoadedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    const line = lineCounter.linePos(first.pos[0]).line;
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
  return {
    value,
    source,
    lineOf(path) {
      const node = doc.getIn(path, true);
      const offset = isNode(node) ? node.range?.[0] : undefined;
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}
