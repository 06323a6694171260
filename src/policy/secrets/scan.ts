import { isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments, type YAMLMap } from 'yaml';
import { toPosixPath } from '../../os/paths.js';
import { type Budget, expansionBudget } from '../pins/budget.js';
import { placedRefs } from './refs.js';

/** Where a stored secret's value goes, as far as the file says. */
export type Consumer =
  | { type: 'input'; action: string; input: string }
  | { type: 'env'; level: 'workflow' | 'job' | 'step'; name: string; action?: string }
  | { type: 'run' }
  | { type: 'reusable'; workflow: string; name: string }
  | { type: 'inherit'; workflow: string }
  | { type: 'container'; image: string }
  | { type: 'other'; key: string };

export interface SecretUse {
  /** `/`-separated, as SARIF and annotations name files. */
  file: string;
  /** 1-based line of the `secrets.X` reference (inside a block scalar, its own line; one spelled with YAML escapes, the scalar's first). */
  line: number;
  /** The name after `secrets.`, as written; `*` for `secrets: inherit` and for the whole context (`toJSON(secrets)`). */
  secret: string;
  consumer: Consumer;
  /** The step's or job's `with:`, for rules that read a neighbouring input (the registry host). */
  with: Readonly<Record<string, string>>;
  /** The text of the source line, for rules that read a run script's command. */
  text: string;
  /** The whole `run:` script for a use in one or in its step's `env:`, else ''. */
  script: string;
  /** The job's id in a workflow; absent in an action and for workflow-level `env:`. */
  job?: string;
  /** `permissions: id-token: write` in effect for the job (its own block overrides the workflow's); null in an action. */
  id_token_write: boolean | null;
}

interface Walk {
  file: string;
  source: string;
  lines: LineCounter;
  budget: Budget;
  uses: SecretUse[];
  workflowIdToken: boolean;
}

/**
 * Every stored secret one workflow or composite action file reads: `${{ secrets.X }}` and `secrets['X']`
 * anywhere in an expression of a value as parsed, YAML escapes resolved, as GitHub reads it (the `secrets`
 * context is case-insensitive), and `secrets: inherit`. One use per (line, secret name);
 * `secrets.GITHUB_TOKEN` is the job's own token, not a stored secret. Throws INPUT_TOO_LARGE for a file whose aliases expand past the scanners' budget, and
 * INPUT_INVALID for a file that is not YAML.
 */
export function scanSecrets(path: string, source: string): SecretUse[] {
  const file = toPosixPath(path);
  const lines = new LineCounter();
  const uses: SecretUse[] = [];
  for (const doc of parseAllDocuments(source, { lineCounter: lines, uniqueKeys: false })) {
    const error = doc.errors[0];
    if (error) throw new InvalidYaml(file, lines.linePos(error.pos[0]).line, error.message.split('\n')[0] ?? error.code);
    const budget = expansionBudget(doc, file);
    const root = budget.resolve(doc.contents);
    if (!isMap(root)) continue;
    const walk: Walk = { file, source, lines, budget, uses, workflowIdToken: grantsIdToken(budget.resolve(root.get('permissions', true))) ?? false };
    visit(walk, root, [], [], isAction(file, root));
  }
  const seen = new Set<string>();
  return uses.filter((use) => {
    const key = `${String(use.line)} ${use.secret.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * An action.yml is an action whatever else it holds (GitHub ignores an action's unknown keys, so an extra
 * `jobs:` must not turn its steps into unknown paths), unless it sits where GitHub reads workflows.
 */
function isAction(file: string, root: YAMLMap): boolean {
  if (/(^|\/)action\.ya?ml$/.test(file) && !/(^|\/)\.github\/workflows\/[^/]+$/.test(file)) return root.has('runs');
  return root.has('runs') && !root.has('jobs');
}

export class InvalidYaml extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${String(line)}: not valid YAML (${reason}), so its secrets could not be listed`);
    this.name = 'InvalidYaml';
  }
}

/** `ancestors[i]` is the collection that holds `path[i]`. */
function visit(walk: Walk, node: unknown, path: (string | number)[], ancestors: unknown[], action: boolean): void {
  const value = walk.budget.resolve(node);
  if (isMap(value)) {
    for (const pair of value.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      visit(walk, pair.value, [...path, key], [...ancestors, value], action);
    }
  } else if (isSeq(value)) {
    value.items.forEach((item, index) => {
      visit(walk, item, [...path, index], [...ancestors, value], action);
    });
  } else if (isScalar(value) && typeof value.value === 'string' && value.range) {
    scalar(walk, value as Node & { value: string }, path, ancestors, action);
  }
}

function scalar(walk: Walk, node: Node & { value: string }, path: (string | number)[], ancestors: unknown[], action: boolean): void {
  const [start, end] = node.range ?? [0, 0];
  const job = !action && path[0] === 'jobs' ? asMap(walk, ancestors[2]) : undefined;
  if (job && path.length === 3 && path[2] === 'secrets' && node.value.trim() === 'inherit') {
    push(walk, start, '*', { type: 'inherit', workflow: text(walk, job, 'uses') ?? '' }, { job, jobId: String(path[1]), script: '' });
    return;
  }
  // `if:` is an expression even without `${{ }}`; everywhere else only what is inside `${{ }}` is. GitHub
  // reads the parsed value, escapes resolved; the source only places each reference on its line.
  const condition = path.at(-1) === 'if';
  for (const { name, offset } of placedRefs(walk.source.slice(start, end), node.value, condition)) {
    if (name.toLowerCase() === 'github_token') continue;
    const step = stepOf(walk, path, ancestors, action);
    const use = consumer(walk, path, job, step, action);
    const script = use.type === 'run' ? node.value : use.type === 'env' && use.level === 'step' && step ? (text(walk, step, 'run') ?? '') : '';
    push(walk, start + offset, name, use, { ...(job ? { job, jobId: String(path[1]) } : {}), ...(step ? { step } : {}), script });
  }
}

/** The step holding `path`: `jobs.<id>.steps[i]` in a workflow, `runs.steps[i]` in an action. */
function stepOf(walk: Walk, path: readonly (string | number)[], ancestors: readonly unknown[], action: boolean): YAMLMap | undefined {
  const at = stepIndex(action);
  return path[at - 1] === 'steps' && typeof path[at] === 'number' ? asMap(walk, ancestors[at + 1]) : undefined;
}

const stepIndex = (action: boolean) => (action ? 2 : 3);

function consumer(walk: Walk, path: (string | number)[], job: YAMLMap | undefined, step: YAMLMap | undefined, action: boolean): Consumer {
  const key = path.map(String);
  const inStep = step ? stepConsumer(walk, step, key.slice(stepIndex(action) + 1)) : undefined;
  if (inStep) return inStep;
  if (!action && key[0] === 'env' && key[1] !== undefined) return { type: 'env', level: 'workflow', name: key[1] };
  if (job) {
    if (key[2] === 'env' && key[3] !== undefined) return { type: 'env', level: 'job', name: key[3] };
    if (key[2] === 'secrets' && key[3] !== undefined) return { type: 'reusable', workflow: text(walk, job, 'uses') ?? '', name: key[3] };
    if ((key[2] === 'container' || key[2] === 'services') && key.includes('credentials')) return { type: 'container', image: containerImage(walk, job, key) };
  }
  return { type: 'other', key: key.join('.') };
}

/** `key` is the path inside the step. */
function stepConsumer(walk: Walk, step: YAMLMap, key: string[]): Consumer | undefined {
  const uses = text(walk, step, 'uses');
  if (key[0] === 'with' && key[1] !== undefined && uses !== undefined) return { type: 'input', action: uses, input: key[1] };
  if (key[0] === 'env' && key[1] !== undefined) return { type: 'env', level: 'step', name: key[1], ...(uses === undefined ? {} : { action: uses }) };
  if (key[0] === 'run') return { type: 'run' };
  return undefined;
}

function containerImage(walk: Walk, job: YAMLMap, key: string[]): string {
  const holder = asMap(walk, key[2] === 'container' ? job.get('container', true) : asMap(walk, job.get('services', true))?.get(key[3], true));
  return holder ? (text(walk, holder, 'image') ?? '') : '';
}

interface Where {
  job?: YAMLMap;
  jobId?: string;
  step?: YAMLMap;
  script: string;
}

function push(walk: Walk, offset: number, secret: string, use: Consumer, { job, jobId, step, script }: Where): void {
  const { line, col } = walk.lines.linePos(offset);
  const lineStart = offset - (col - 1);
  const lineEnd = walk.source.indexOf('\n', offset);
  const own = job ? grantsIdToken(walk.budget.resolve(job.get('permissions', true))) : undefined;
  walk.uses.push({
    file: walk.file,
    line,
    secret,
    consumer: use,
    with: withOf(walk, step ?? (use.type === 'reusable' || use.type === 'inherit' ? job : undefined)),
    text: walk.source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd),
    script,
    ...(jobId === undefined ? {} : { job: jobId }),
    id_token_write: job ? (own ?? walk.workflowIdToken) : use.type === 'env' && use.level === 'workflow' ? walk.workflowIdToken : null,
  });
}

/** true or false when `permissions` is set (a job's block replaces the workflow's whole), undefined when not. */
function grantsIdToken(permissions: unknown): boolean | undefined {
  if (permissions === undefined || permissions === null) return undefined;
  if (isScalar(permissions)) return permissions.value === 'write-all';
  if (isMap(permissions)) return permissions.items.some((p) => isScalar(p.key) && p.key.value === 'id-token' && isScalar(p.value) && p.value.value === 'write');
  return false;
}

function withOf(walk: Walk, holder: YAMLMap | undefined): Record<string, string> {
  const inputs = holder ? asMap(walk, holder.get('with', true)) : undefined;
  const out: Record<string, string> = {};
  for (const pair of inputs?.items ?? []) {
    const value = walk.budget.resolve(pair.value);
    if (isScalar(pair.key) && isScalar(value)) out[String(pair.key.value)] = String(value.value);
  }
  return out;
}

function asMap(walk: Walk, node: unknown): YAMLMap | undefined {
  const value = walk.budget.resolve(node);
  return isMap(value) ? value : undefined;
}

function text(walk: Walk, map: YAMLMap, key: string): string | undefined {
  const value = walk.budget.resolve(map.get(key, true));
  return isScalar(value) && typeof value.value === 'string' ? value.value.trim() : undefined;
}
