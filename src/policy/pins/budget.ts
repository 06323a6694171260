import { type Alias, type Document, isAlias, isCollection, isPair, type Node, visit } from 'yaml';
import { KeylessError } from '../../errors.js';

/**
 * YAML nodes one file may make the scanner walk beyond its own text: each alias costs the size of the
 * node it names, each matrix value an expression expands to costs one. A few anchored step lists
 * reused across jobs stay far below; a file built to multiply itself (a "billion laughs") does not.
 */
export const MAX_EXPANDED_NODES = 100_000;

export interface Budget {
  /** The node an alias names (any other value as it is), charged to the budget. */
  resolve(node: unknown): unknown;
  /** Charges `nodes` of expansion; throws INPUT_TOO_LARGE past the limit. */
  charge(nodes: number): void;
}

/**
 * Aliases resolved from one pass over the document. The library's `Alias.resolve(doc)` walks the whole
 * document on every call, which makes a file of many aliases quadratic before any expansion happens.
 */
export function expansionBudget(doc: Document, file: string): Budget {
  let targets: Map<Alias, Node | undefined> | undefined;
  // Built at the first alias, so a file without any pays nothing. The same rule as the library: an
  // alias names the last node with its anchor before it, in document order.
  const targetsOf = () => {
    const found = new Map<Alias, Node | undefined>();
    const anchors = new Map<string, Node>();
    visit(doc, {
      Node(_key, node) {
        if (isAlias(node)) found.set(node, anchors.get(node.source));
        else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
    return found;
  };
  const sizes = new Map<unknown, number>();
  let spent = 0;
  const charge = (nodes: number) => {
    spent += nodes;
    if (spent > MAX_EXPANDED_NODES) {
      throw new KeylessError('INPUT_TOO_LARGE', `${file}: its aliases and matrix expand to more than ${MAX_EXPANDED_NODES} YAML nodes, so it was not scanned`, {
        hint: 'a file that multiplies itself through anchors and aliases is refused as a resource-exhaustion attempt; write the repeated parts out or split the workflow',
      });
    }
  };
  return {
    charge,
    resolve(node) {
      if (!isAlias(node)) return node;
      targets ??= targetsOf();
      const target = targets.get(node);
      charge(target === undefined ? 1 : size(target, sizes));
      return target;
    },
  };
}

/** Nodes in a subtree, aliases counted as one; memoised, so sizing every collection is linear. */
function size(node: unknown, sizes: Map<unknown, number>): number {
  if (isPair(node)) return size(node.key, sizes) + size(node.value, sizes);
  if (!isCollection(node)) return 1;
  const known = sizes.get(node);
  if (known !== undefined) return known;
  let total = 1;
  for (const item of node.items) total += size(item, sizes);
  sizes.set(node, total);
  return total;
}
