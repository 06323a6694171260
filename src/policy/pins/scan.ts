import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseAllDocuments, type YAMLMap } from 'yaml';
import { toPosixPath } from '../../os/paths.js';
import { type Budget, expansionBudget } from './budget.js';
import { expressionLeaves, wholeExpression } from './expressions.js';
import { type JobMatrix, matrixPath, readMatrix, valuesAt } from './matrix.js';
import { type AllowList, judgeUses } from './policy.js';
import { isCommitPinned, isImagePinned, parseUses } from './refs.js';

export type FindingKind = 'unpinned-uses' | 'unpinned-image' | 'invalid-yaml' | 'impostor-commit' | 'ref-version-mismatch';

/** A reference pinned to a commit, for verification through the GitHub API. */
export interface PinnedUses {
  file: string;
  line: number;
  ref: string;
  owner: string;
  repo: string;
  sha: string;
  /** The trailing comment, e.g. `v4.2.2` in `@<sha> # v4.2.2`. */
  comment?: string;
}

export interface Finding {
  /** `/`-separated on every OS, as GitHub annotations and SARIF name files. */
  file: string;
  /** 1-based line of the key that holds the reference (`uses:`, `image:`, `container:`). */
  line: number;
  kind: FindingKind;
  ref: string;
  value_line?: number;
  alias_line?: number;
  matrix_line?: number;
  dynamic?: true;
  note?: string;
  /** Source offsets [start, end) of the literal value holding `ref`, for the fixer; never printed. */
  offset?: [number, number];
}

/** Findings kept per file; the rest are counted in `omitted`, so a hostile file cannot flood a log. */
export const MAX_FINDINGS_PER_FILE = 1000;

/**
 * A `uses: ./…` reference, which the pin policy exempts because the code is in the checkout: the gate
 * scans that file too. `path` is what follows `./` ('' for the repository's root action).
 */
export interface LocalUses {
  /** A step's `uses:` names an action folder; a job's names a reusable workflow file. */
  kind: 'action' | 'workflow';
  path: string;
}

export interface ScanResult {
  findings: Finding[];
  pinned: PinnedUses[];
  /** Local actions and reusable workflows the file uses, once each, in the order written. */
  locals: LocalUses[];
  /** Distinct findings beyond MAX_FINDINGS_PER_FILE. */
  omitted: number;
}

interface Walk {
  file: string;
  budget: Budget;
  lines: LineCounter;
  allow: AllowList;
  findings: Finding[];
  pinned: PinnedUses[];
  locals: LocalUses[];
}

/** Every unpinned reference in one workflow or action file, none left out (for the fixer). Malformed YAML is a finding, not a crash. */
export function scanText(file: string, text: string, allow: AllowList): Finding[] {
  return scanWithPins(file, text, allow, Infinity).findings;
}

/** The local actions and reusable workflows one file uses, for a gate that follows them but judges no pins. */
export function localUses(file: string, text: string): LocalUses[] {
  return scanWithPins(file, text, [], 0).locals;
}

/**
 * The findings, and the commit-pinned references a verifier can check further. A reference reached
 * many times through one anchor is one finding per source position. Throws INPUT_TOO_LARGE when the
 * file expands past MAX_EXPANDED_NODES. Past `limit` distinct findings, the rest are only counted.
 * Findings name `path` with `/` separators, whatever the host.
 */
export function scanWithPins(path: string, text: string, allow: AllowList, limit = MAX_FINDINGS_PER_FILE): ScanResult {
  const file = toPosixPath(path);
  const lines = new LineCounter();
  const findings: Finding[] = [];
  const pinned: PinnedUses[] = [];
  const locals: LocalUses[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false })) {
    const error = doc.errors[0];
    if (error) {
      findings.push({ file, line: lines.linePos(error.pos[0]).line, kind: 'invalid-yaml', ref: error.message.split('\n')[0] ?? error.code });
      continue;
    }
    const walk: Walk = { file, budget: expansionBudget(doc, file), lines, allow, findings, pinned, locals };
    const root = resolve(walk, doc.contents);
    if (!isMap(root)) continue;
    // Both, when both are there: GitHub ignores an action's unknown top-level keys, so an action.yml
    // with an extra `jobs:` still runs its `runs:`, and the content cannot say which of the two a file is.
    if (root.has('jobs')) scanWorkflow(walk, root);
    if (root.has('runs')) scanAction(walk, root);
  }
  const distinct = unique(findings, (f) => JSON.stringify(f));
  return {
    findings: distinct.slice(0, limit),
    pinned: unique(pinned, (p) => `${p.line} ${p.ref}`),
    locals: unique(locals, (l) => `${l.kind} ${l.path}`),
    omitted: Math.max(0, distinct.length - limit),
  };
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function scanWorkflow(walk: Walk, root: YAMLMap): void {
  const jobs = resolve(walk, root.get('jobs', true));
  if (!isMap(jobs)) return;
  for (const jobPair of jobs.items) {
    const job = resolve(walk, jobPair.value);
    if (!isMap(job)) continue;
    const strategy = resolve(walk, job.get('strategy', true));
    const matrix = readMatrix(walk, isMap(strategy) ? strategy.get('matrix', true) : undefined);
    const uses = pair(job, 'uses');
    if (uses) checkUses(walk, uses, 'workflow');
    const container = pair(job, 'container');
    if (container) checkContainer(walk, container, matrix);
    const services = resolve(walk, job.get('services', true));
    if (isMap(services)) for (const service of services.items) checkContainer(walk, service, matrix);
    scanSteps(walk, job.get('steps', true));
  }
}

function scanAction(walk: Walk, root: YAMLMap): void {
  const runs = resolve(walk, root.get('runs', true));
  if (!isMap(runs)) return;
  scanSteps(walk, runs.get('steps', true));
  const image = pair(runs, 'image');
  const value = image && text(walk, image.value);
  // A Docker action built from a Dockerfile in its own repository is as pinned as the action itself.
  const range = (image?.value as Node | null | undefined)?.range;
  if (image && value?.startsWith('docker://')) checkImage(walk, keyLine(walk, image), value, value.slice('docker://'.length), undefined, range ? { offset: [range[0], range[1]] } : {});
}

function scanSteps(walk: Walk, node: unknown): void {
  const steps = resolve(walk, node);
  if (!isSeq(steps)) return;
  for (const item of steps.items) {
    const step = resolve(walk, item);
    const uses = isMap(step) ? pair(step, 'uses') : undefined;
    if (!uses) continue;
    // A step reused through an alias is reported again, at the anchor, naming where it is used.
    const aliasLine = isAlias(item) && item.range ? walk.lines.linePos(item.range[0]).line : undefined;
    checkUses(walk, uses, 'action', aliasLine);
  }
}

function checkUses(walk: Walk, usesPair: Pair, holds: LocalUses['kind'], aliasLine?: number): void {
  const raw = text(walk, usesPair.value);
  if (raw === undefined) return;
  const value = raw.trim();
  const line = keyLine(walk, usesPair);
  const where: Partial<Finding> = { ...valueLine(walk, usesPair, line), ...(aliasLine ? { alias_line: aliasLine } : {}) };
  const uses = parseUses(value);
  if (uses.kind === 'local') {
    // Read from the parsed value, so quoting, escapes, folding and aliases cannot hide one from the gate.
    if (value.startsWith('./')) walk.locals.push({ kind: holds, path: value.slice(2) });
    return;
  }
  const range = (resolve(walk, usesPair.value) as Node | null)?.range;
  if (range && !aliasLine) Object.assign(where, { offset: [range[0], range[1]] });
  if (uses.kind === 'docker') {
    checkImage(walk, line, value, uses.image, undefined, where);
    return;
  }
  if (uses.kind === 'invalid' || !judgeUses(uses, walk.allow)) {
    walk.findings.push({ file: walk.file, line, kind: 'unpinned-uses', ref: value, ...where });
  } else if (uses.ref !== undefined && isCommitPinned(uses) && !aliasLine) {
    const comment = (resolve(walk, usesPair.value) as { comment?: string | null }).comment?.trim();
    walk.pinned.push({ file: walk.file, line, ref: value, owner: uses.owner, repo: uses.repo, sha: uses.ref.toLowerCase(), ...(comment ? { comment } : {}) });
  }
}

/** `container:` / `services.<id>:` as a string or as a mapping with `image:`. */
function checkContainer(walk: Walk, holder: Pair, matrix: JobMatrix): void {
  const node = resolve(walk, holder.value);
  const image = isMap(node) ? pair(node, 'image') : undefined;
  const target = image ?? (isScalar(node) ? holder : undefined);
  const value = target && text(walk, target.value);
  const range = (target?.value as Node | null | undefined)?.range;
  if (target && value !== undefined) checkImage(walk, keyLine(walk, target), value, value, matrix, range ? { offset: [range[0], range[1]] } : {});
}

function checkImage(walk: Walk, line: number, ref: string, image: string, matrix: JobMatrix | undefined, where: Partial<Finding> = {}): void {
  const value = image.trim();
  if (value === '') return;
  const expression = wholeExpression(value);
  if (expression === undefined) {
    if (value.includes('${{')) walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: value, dynamic: true, ...where });
    else if (!isImagePinned(value)) walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: ref.trim(), ...where, ...digestNote(value) });
    return;
  }
  // A value that comes out of an expression has no literal in the file for the fixer to rewrite.
  const at = { ...where };
  delete at.offset;
  const leaves = expressionLeaves(expression) ?? [{ kind: 'context' as const, path: expression.trim() }];
  for (const leaf of unique(leaves, (l) => (l.kind === 'literal' ? `'${l.value}` : l.path))) {
    if (leaf.kind === 'literal') {
      if (leaf.value !== '' && !isImagePinned(leaf.value)) walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: leaf.value, ...at, ...digestNote(leaf.value) });
      continue;
    }
    checkMatrixLeaf(walk, line, leaf.path, matrix, at);
  }
}

/** A `matrix.…` leaf: one finding per unpinned value it takes, at the line that value is written on. */
function checkMatrixLeaf(walk: Walk, line: number, leafPath: string, matrix: JobMatrix | undefined, at: Partial<Finding>): void {
  const path = matrixPath(leafPath);
  const dynamic = () => walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: leafPath, dynamic: true, ...at });
  if (path === undefined || matrix === undefined) {
    dynamic();
    return;
  }
  const values = valuesAt(matrix, path);
  walk.budget.charge(values.length);
  for (const value of values) {
    // `container: ${{ matrix.container }}` may name a mapping with its own image.
    const image = value.kind === 'map' ? value.entries.get('image') : value;
    if (image?.kind === 'dynamic') dynamic();
    else if (image?.kind === 'scalar' && image.text !== '' && !isImagePinned(image.text)) walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: image.text, matrix_line: image.line, ...at, ...digestNote(image.text) });
  }
}

function digestNote(image: string): Partial<Finding> {
  return image.includes('@') ? { note: 'malformed digest (not @sha256: and 64 hex)' } : {};
}

function resolve(walk: Walk, node: unknown): unknown {
  return walk.budget.resolve(node);
}

function pair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isScalar(item.key) && item.key.value === key);
}

function text(walk: Walk, node: unknown): string | undefined {
  const value = resolve(walk, node);
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

function keyLine(walk: Walk, item: Pair): number {
  const key = item.key as Node | null;
  return walk.lines.linePos(key?.range?.[0] ?? 0).line;
}

function valueLine(walk: Walk, item: Pair, line: number): Partial<Finding> {
  const value = item.value as Node | null;
  const at = value?.range ? walk.lines.linePos(value.range[0]).line : line;
  // A block scalar's text starts on the line after its indicator.
  const starts = isScalar(value) && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED') ? at + 1 : at;
  return starts === line ? {} : { value_line: starts };
}
