import { isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { Budget } from './budget.js';
import { wholeExpression } from './expressions.js';

/**
 * A job's `strategy.matrix` as GitHub expands it, read statically: the combinations its axes, `exclude`
 * and `include` produce, with values that may be mappings (`matrix.build.container`). A value that comes
 * from outside the file (`${{ fromJSON(needs.setup.outputs.matrix) }}`) stays a `dynamic` value;
 * `fromJSON('…')` of a literal is read, since its value is in the file.
 */
export type MatrixValue =
  | { kind: 'scalar'; text: string; line: number }
  | { kind: 'map'; entries: ReadonlyMap<string, MatrixValue>; line: number }
  | { kind: 'list'; items: readonly MatrixValue[]; line: number }
  | { kind: 'dynamic'; expression: string; line: number };

type Combination = ReadonlyMap<string, MatrixValue>;

export interface JobMatrix {
  combinations: readonly Combination[];
  /** The expression that makes the matrix, or part of it, unknowable here; unknown paths are then dynamic. */
  dynamic?: string;
}

/** What a `matrix.…` path evaluates to in one combination: nothing (null), a value, or a value from outside. */
export type PathValue = { kind: 'none' } | MatrixValue;

interface Reader {
  budget: Budget;
  lines: LineCounter;
}

/** No matrix: every `matrix.…` is null, so a `container: ${{ matrix.image }}` runs without a container. */
const EMPTY: JobMatrix = { combinations: [] };

export function readMatrix(reader: Reader, node: unknown): JobMatrix {
  if (node === undefined || node === null) return EMPTY;
  const matrix = toValue(reader, node);
  if (matrix?.kind === 'dynamic') return { combinations: [], dynamic: matrix.expression };
  if (matrix?.kind !== 'map') return EMPTY;
  const axes = [...matrix.entries].filter(([key]) => key !== 'include' && key !== 'exclude');
  // An axis or include list from outside the file still counts: its values are unknown here.
  const dynamic = [...axes.map(([, value]) => value), matrix.entries.get('include'), ...listItems(matrix.entries.get('include'))].find((value) => value?.kind === 'dynamic');
  const combinations = include(reader, exclude(reader, product(reader, axes), matrix.entries.get('exclude')), matrix.entries.get('include'), new Set(axes.map(([key]) => key)));
  return { combinations, ...(dynamic?.kind === 'dynamic' ? { dynamic: dynamic.expression } : {}) };
}

function listItems(value: MatrixValue | undefined): readonly MatrixValue[] {
  return value?.kind === 'list' ? value.items : [];
}

/** Every combination of the axes' values; an axis that is not a list is one value. */
function product(reader: Reader, axes: readonly [string, MatrixValue][]): Map<string, MatrixValue>[] {
  let combinations: Map<string, MatrixValue>[] = axes.length === 0 ? [] : [new Map<string, MatrixValue>()];
  for (const [key, value] of axes) {
    const values = value.kind === 'list' ? value.items : [value];
    reader.budget.charge(combinations.length * values.length);
    combinations = combinations.flatMap((combination) => values.map((v) => new Map(combination).set(key, v)));
  }
  return combinations;
}

function exclude(reader: Reader, combinations: Map<string, MatrixValue>[], rules: MatrixValue | undefined): Map<string, MatrixValue>[] {
  let kept = combinations;
  for (const rule of listItems(rules)) {
    if (rule.kind !== 'map') continue;
    reader.budget.charge(kept.length);
    kept = kept.filter((combination) => ![...rule.entries].every(([key, value]) => matches(combination.get(key), value)));
  }
  return kept;
}

/**
 * GitHub adds an include entry to every original combination whose original values it does not change
 * (values added by an earlier entry may be overwritten); an entry that fits none is a combination of its own.
 */
function include(reader: Reader, combinations: Map<string, MatrixValue>[], entries: MatrixValue | undefined, original: ReadonlySet<string>): Map<string, MatrixValue>[] {
  const originals = combinations.length;
  for (const entry of listItems(entries)) {
    if (entry.kind !== 'map') continue;
    reader.budget.charge(combinations.length + entry.entries.size);
    const fits = (combination: Map<string, MatrixValue>) => [...entry.entries].every(([key, value]) => !original.has(key) || equal(combination.get(key), value));
    const targets = combinations.slice(0, originals).filter(fits);
    for (const combination of targets) for (const [key, value] of entry.entries) combination.set(key, value);
    if (targets.length === 0) combinations.push(new Map(entry.entries));
  }
  return combinations;
}

/**
 * The values `path` (`matrix.a.b`, `matrix['a'].b`, already split: `['a', 'b']`) takes across the
 * combinations, each once. With no combination the matrix context is empty and the path is null.
 */
export function valuesAt(matrix: JobMatrix, path: readonly string[]): PathValue[] {
  const seen = new Set<string>();
  const values: PathValue[] = [];
  for (const combination of matrix.combinations) {
    let value: PathValue = combination.get(path[0] ?? '') ?? { kind: 'none' };
    for (const key of path.slice(1)) {
      if (value.kind === 'map') value = value.entries.get(key) ?? { kind: 'none' };
      else if (value.kind === 'list' && /^\d+$/.test(key)) value = value.items[Number(key)] ?? { kind: 'none' };
      else if (value.kind !== 'dynamic') value = { kind: 'none' };
    }
    // A path no static combination has may still come from the part of the matrix made outside the file.
    if (value.kind === 'none' && matrix.dynamic !== undefined) value = { kind: 'dynamic', expression: matrix.dynamic, line: 0 };
    const key = value.kind === 'none' ? 'none' : `${value.kind} ${value.line} ${value.kind === 'scalar' ? value.text : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    values.push(value);
  }
  if (matrix.combinations.length === 0 && matrix.dynamic !== undefined) values.push({ kind: 'dynamic', expression: matrix.dynamic, line: 0 });
  return values;
}

/** `matrix.a.b`, `matrix['a'].b`, `matrix.a['b']` → `['a', 'b']`; undefined for any other context. */
export function matrixPath(path: string): string[] | undefined {
  const parts: string[] = [];
  const pattern = /\.([\w-]+)|\[([^\]]*)\]/y;
  if (!path.startsWith('matrix')) return undefined;
  pattern.lastIndex = 'matrix'.length;
  while (pattern.lastIndex < path.length) {
    const match = pattern.exec(path);
    if (match === null) return undefined;
    parts.push(match[1] ?? match[2] ?? '');
  }
  return parts.length > 0 ? parts : undefined;
}

function toValue(reader: Reader, raw: unknown, depth = 0): MatrixValue | undefined {
  const node = reader.budget.resolve(raw);
  const line = reader.lines.linePos((node as Node | null)?.range?.[0] ?? 0).line;
  reader.budget.charge(1);
  if (depth > 32) return undefined;
  if (isMap(node)) {
    const entries = new Map<string, MatrixValue>();
    for (const item of node.items) {
      const key = reader.budget.resolve(item.key);
      const value = toValue(reader, item.value, depth + 1);
      if (isScalar(key) && value !== undefined) entries.set(String(key.value), value);
    }
    return { kind: 'map', entries, line };
  }
  if (isSeq(node)) return { kind: 'list', items: node.items.flatMap((item) => toValue(reader, item, depth + 1) ?? []), line };
  if (!isScalar(node)) return undefined;
  const scalar = node.value;
  if (typeof scalar !== 'string') return { kind: 'scalar', text: plainText(scalar), line };
  const expression = wholeExpression(scalar);
  if (expression === undefined) return { kind: 'scalar', text: scalar, line };
  const json = literalFromJson(expression);
  return json === undefined ? { kind: 'dynamic', expression: expression.trim(), line } : fromJson(reader, json, line, depth);
}

const FROM_JSON = /^\s*fromJSON\(\s*'((?:[^']|'')*)'\s*\)\s*$/i;

/** The value of `fromJSON('…')` when its argument is a literal, which GitHub parses as JSON. */
function literalFromJson(expression: string): unknown {
  const literal = FROM_JSON.exec(expression)?.[1];
  if (literal === undefined) return undefined;
  try {
    return JSON.parse(literal.replaceAll("''", "'")) as unknown;
  } catch {
    return undefined;
  }
}

/** A parsed JSON value as a matrix value; the whole of it sits on the line of the expression. */
function fromJson(reader: Reader, value: unknown, line: number, depth: number): MatrixValue | undefined {
  reader.budget.charge(1);
  if (depth > 32) return undefined;
  if (Array.isArray(value)) return { kind: 'list', items: value.flatMap((item: unknown) => fromJson(reader, item, line, depth + 1) ?? []), line };
  if (value !== null && typeof value === 'object') {
    const entries = new Map<string, MatrixValue>();
    for (const [key, item] of Object.entries(value)) {
      const converted = fromJson(reader, item, line, depth + 1);
      if (converted !== undefined) entries.set(key, converted);
    }
    return { kind: 'map', entries, line };
  }
  return { kind: 'scalar', text: plainText(value), line };
}

/** A number or boolean as GitHub turns it into a string; null (and anything else) is empty. */
function plainText(value: unknown): string {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? String(value) : '';
}

function equal(a: MatrixValue | undefined, b: MatrixValue): boolean {
  if (a === undefined || a.kind !== b.kind) return false;
  if (a.kind === 'scalar' && b.kind === 'scalar') return a.text === b.text;
  if (a.kind === 'map' && b.kind === 'map') return a.entries.size === b.entries.size && [...b.entries].every(([key, value]) => equal(a.entries.get(key), value));
  if (a.kind === 'list' && b.kind === 'list') return a.items.length === b.items.length && b.items.every((value, i) => equal(a.items[i], value));
  return false;
}

/** An `exclude` entry only has to match part of a combination, down into mappings. */
function matches(a: MatrixValue | undefined, rule: MatrixValue): boolean {
  if (a?.kind === 'map' && rule.kind === 'map') return [...rule.entries].every(([key, value]) => matches(a.entries.get(key), value));
  return equal(a, rule);
}
