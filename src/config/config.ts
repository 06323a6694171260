import { KeylessError } from '../errors.js';
import { type ClaimRule, readClaimRules } from '../policy/claims.js';
import { parseRule } from '../policy/pins/policy.js';
import { readTools } from '../policy/tools/config.js';
import type { ToolSpec } from '../policy/tools/types.js';
import { providers } from '../providers/catalog.js';
import type { AnyProvider, VariablePlaces } from '../providers/types.js';
import { parseDuration } from './duration.js';
import { execInputsOf } from './exec-inputs.js';
import { describe, FieldReader } from './fields.js';
import { INPUT_DEFAULTS, type InputName, type RawInputs } from './inputs.js';
import { peerKeyHint } from './peer-keys.js';
import { POLICY_KEYS, type PolicyFile, readPolicyFile } from './policy-file.js';
import { closest, Problems } from './problems.js';
import { article, checkReferences } from './references.js';
import { readSubjectToken, refuseSubjectToken } from './subject-token.js';
import { type LoadedYaml, loadYaml } from './yaml.js';
import type { SubjectTokenSource } from '../oidc/subject-token.js';

/** `exec`: checked at the step, minted only when a later `keyless exec` asks for it (src/exec/handoff.ts). */
export type ExportTarget = 'env' | 'outputs' | 'file' | 'exec';
export type FilePlace = 'temp' | 'workspace';
const EXPORT_TARGETS: readonly ExportTarget[] = ['env', 'outputs', 'file', 'exec'];
const ID = /^[a-z][a-z0-9-]{0,39}$/;

export interface CredentialEntry {
  index: number;
  id: string;
  provider: AnyProvider;
  config: unknown;
  /** The subject token's audience; none for an entry built on another entry's credential. */
  oidcAudience?: string;
  /** Where the subject token comes from (the runner when absent); none for an entry built on another. */
  subjectToken?: SubjectTokenSource;
  /** The id of the entry whose credential this one builds on (`from:`). */
  from?: string;
  exports: ReadonlySet<ExportTarget>;
  /** The entry as written (its YAML node). */
  written?: Readonly<Record<string, unknown>>;
}

export interface Config {
  credentials: readonly CredentialEntry[];
  tools: readonly ToolSpec[];
  toolPolicy: 'enforce' | 'warn';
  /** Path of a trusted_root.json to verify tools against, instead of the shipped public-good root. */
  trustedRoot?: string;
  /** Refresh the public-good root through TUF first (falling back to the shipped one). */
  tufRefresh: boolean;
  tufMirror?: string;
  pinPolicy: 'off' | 'warn' | 'enforce';
  /** Allowlist rules, `PATTERN` or `PATTERN=any|ref-pin|hash-pin`. */
  pinAllow: readonly string[];
  pinScope: 'workflow' | 'repository';
  /** Check SHA pins through the GitHub API: impostor commits, version comments. */
  pinVerify: boolean;
  /** Report (warn) or refuse (enforce) stored secrets the checked workflows read, before any exchange. */
  secretsPolicy: 'off' | 'warn' | 'enforce';
  githubToken?: string;
  claimRules: readonly ClaimRule[];
  strictCleanup: boolean;
  /** Where credential files go: under RUNNER_TEMP, or in the workspace for Docker container actions. */
  files: FilePlace;
  httpTimeoutMs: number;
  /** The policy file and the keys it set, for the log. */
  policyFile?: { path: string; keys: readonly string[] };
  /** What the step hands `keyless exec` for its `export: exec` entries (src/config/exec-inputs.ts). */
  execInputs?: RawInputs;
}

/**
 * Inputs (and the policy file) to one frozen, checked Config. Every problem is reported at once,
 * before any network call.
 */
export function loadConfig(inputs: RawInputs, workspace: string, { policyFile = true } = {}): Config {
  const problems = new Problems();
  // `keyless exec --credentials` and the step's checked copy name every setting themselves.
  const policy = policyFile ? readPolicyFile(inputs['policy-file'], workspace) : undefined;
  const settings = mergeSettings(inputs, policy, problems);

  const credentials = settings.credentials ? readCredentials(settings.credentials.yaml(), settings.credentials.problems, workspace) : [];
  const tools = settings.tools ? readTools(settings.tools.yaml(), settings.tools.problems) : [];
  if (!settings.credentials && !settings.tools) problems.add('credentials', 'is required (or tools): a YAML list of entries, each with a provider');
  const toolPolicy = readChoice(settings, 'tool-policy', ['enforce', 'warn'] as const);
  const claimRules = settings['require-claims'] ? readClaimRules(settings['require-claims'].yaml(), 'require-claims', settings['require-claims'].problems) : [];
  const strictCleanup = readBoolean(settings, 'strict-cleanup');
  const files = readChoice(settings, 'files', ['temp', 'workspace'] as const);
  const timeout = readTimeout(settings);
  const tufRefresh = readBoolean(settings, 'tuf-refresh');
  const pinPolicy = readChoice(settings, 'pin-policy', ['off', 'warn', 'enforce'] as const);
  const pinAllow = readPinAllow(settings['pin-allow']);
  const pinVerify = readBoolean(settings, 'pin-verify');
  const pinScope = readChoice(settings, 'pin-scope', ['workflow', 'repository'] as const);
  const secretsPolicy = readChoice(settings, 'secrets-policy', ['off', 'warn', 'enforce'] as const);
  // Everything is read before this line, so every problem is reported in one go.
  problems.throwIfAny();
  return Object.freeze({
    credentials,
    tools,
    toolPolicy,
    ...(settings['trusted-root'] ? { trustedRoot: settings['trusted-root'].text } : {}),
    tufRefresh,
    pinPolicy,
    pinAllow,
    pinScope,
    pinVerify,
    secretsPolicy,
    ...(settings['tuf-mirror'] ? { tufMirror: settings['tuf-mirror'].text } : {}),
    ...(inputs['github-token'] ? { githubToken: inputs['github-token'] } : {}),
    claimRules,
    strictCleanup,
    files,
    httpTimeoutMs: timeout * 1000,
    ...(policy ? { policyFile: { path: policy.path, keys: Object.keys(policy.values) } } : {}),
    ...execInputsOf(credentials, (key) => settings[key]?.text),
  });
}


function readCredentials(yaml: LoadedYaml, problems: Problems, workspace: string): CredentialEntry[] {
  if (!Array.isArray(yaml.value) || yaml.value.length === 0) {
    problems.add('credentials', `must be a non-empty YAML list of entries, not ${describe(yaml.value)}`);
    return [];
  }
  const entries: CredentialEntry[] = [];
  const ids = new Map<string, number>();
  const kinds = new Map<string, string>();
  const claims = new Map<string, number>();
  yaml.value.forEach((item: unknown, index) => {
    const at = `credentials[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.add(at, `must be a mapping with a provider key, not ${describe(item)}`, yaml.lineOf([index]));
      return;
    }
    const fields = new FieldReader(item as Record<string, unknown>, at, [index], yaml, problems);
    const name = fields.string('provider', { required: true, expected: `one of ${Object.keys(providers).join(', ')}` });
    const id = fields.string('id', { pattern: ID, expected: 'a lower-case name of letters, digits and -' }) ?? name ?? '';
    const audience = fields.string('oidc-audience');
    const exports = readExports(fields);
    if (name === undefined) return;
    const named = providers[name];
    if (named === undefined) {
      const guess = closest(name, Object.keys(providers));
      fields.report('provider', `is not a known provider${guess ? ` (did you mean "${guess}"?)` : ''}; known: ${Object.keys(providers).join(', ')}`);
      return;
    }
    // `provider: aws` with `from:` is a role assumed with another aws entry's keys, not with the runner token.
    const provider: AnyProvider = !named.derived && named.chained && fields.has('from') ? named.chained : named;
    const subjectToken = readTokenSource(provider, name, audience, fields, workspace);
    const before = problems.items.length;
    const config = provider.read(fields, id);
    fields.finish((key) => peerKeyHint(name, key));
    const valid = problems.items.length === before;
    const previous = ids.get(id);
    if (previous !== undefined) {
      fields.report('id', `"${id}" is also the id of credentials[${previous}]; give each entry its own id`);
    }
    ids.set(id, index);
    kinds.set(id, name);
    if (config === undefined || !valid) return;
    checkExclusive(provider, config, exports, claims, index, fields);
    const written = item as Record<string, unknown>; // kept for the copy `keyless exec` reads back
    if (provider.derived) {
      entries.push({ index, id, provider, config, from: provider.upstream(config).id, exports, written });
    } else {
      if (subjectToken === undefined) return;
      entries.push({ index, id, provider, config, oidcAudience: audience ?? provider.defaultAudience(config), subjectToken, exports, written });
    }
  });
  checkReferences(entries, kinds, yaml, problems);
  return entries;
}

/** Where the entry's subject token comes from; an entry built on another takes none, so its token keys are errors. */
function readTokenSource(provider: AnyProvider, name: string, audience: string | undefined, fields: FieldReader, workspace: string): SubjectTokenSource | undefined {
  if (!provider.derived) return readSubjectToken(fields, workspace);
  const noToken = `${article(name)} ${name} entry with from: takes no OIDC token: it builds on the entry named there`;
  if (audience !== undefined) fields.report('oidc-audience', noToken);
  refuseSubjectToken(fields, noToken);
  return undefined;
}

/** What an entry takes that an earlier one already took (`claims`: by key, the index of the entry that took it). */
function checkExclusive(provider: AnyProvider, config: unknown, exports: ReadonlySet<ExportTarget>, claims: Map<string, number>, index: number, fields: FieldReader): void {
  for (const claim of provider.exclusive?.(config, variablePlaces(exports)) ?? []) {
    const other = claims.get(claim.key);
    if (other === undefined) claims.set(claim.key, index);
    else fields.report(claim.field, claim.message(`credentials[${other}]`));
  }
}

/** Where an entry's values go as variables: `exec` and `outputs` entries reach COMMAND's environment as env. */
export function variablePlaces(exports: ReadonlySet<ExportTarget>, forCommand = false): VariablePlaces {
  const places = new Set<'env' | 'file'>();
  if (exports.has('file')) places.add('file');
  if (exports.has('env') || (forCommand && (exports.has('exec') || exports.has('outputs')))) places.add('env');
  return places;
}

function readExports(fields: FieldReader): ReadonlySet<ExportTarget> {
  const list = fields.strings('export') ?? ['env'];
  // `none`: an entry only another builds on (a cloud token used just for a registry login).
  if (list.length === 1 && list[0] === 'none') return new Set();
  // `exec` hands the credential to one command, never to the job: mixing it with a job-wide target would undo that.
  if (list.includes('exec') && list.length > 1) fields.report('export', 'has exec with other targets; exec stands alone (the entry is minted only by keyless exec, for its command)');
  const bad = list.filter((item) => !(EXPORT_TARGETS as readonly string[]).includes(item));
  if (bad.length > 0) fields.report('export', `has ${bad.length === 1 ? 'an item' : 'items'} not one of ${EXPORT_TARGETS.join(', ')} (or none, alone)`);
  return new Set(list.filter((item): item is ExportTarget => (EXPORT_TARGETS as readonly string[]).includes(item)));
}

/** One setting, with the problems list that names where it came from. */
interface Setting {
  text: string;
  yaml(): LoadedYaml;
  problems: Problems;
  /** The line in the policy file; none for an input, which has one value. */
  line?: number | undefined;
}

type Settings = Partial<Record<InputName, Setting>>;

/**
 * Each key from the input or the policy file, never both: two sources for one setting is an error.
 * action.yml declares no defaults for these keys (the runner would set every one as an input), so an
 * input here is one the workflow gave.
 */
function mergeSettings(inputs: RawInputs, policy: PolicyFile | undefined, problems: Problems): Settings {
  const settings: Settings = {};
  const inFile = problems.in(policy?.path);
  for (const key of POLICY_KEYS) {
    const fromInput = inputs[key];
    const fromPolicy = policy?.values[key];
    if (fromInput !== undefined && fromPolicy !== undefined) {
      problems.add(key, `is set both as an input (the step's with:) and in ${policy?.path ?? ''}${fromPolicy.line === undefined ? '' : ` (line ${fromPolicy.line})`}; keep one`);
    }
    if (fromInput !== undefined) settings[key] = { text: fromInput, yaml: () => loadYaml(fromInput, `input ${key}`), problems };
    else if (fromPolicy !== undefined) settings[key] = { text: fromPolicy.text, yaml: () => fromPolicy.yaml(), problems: inFile, line: fromPolicy.line };
    else if (INPUT_DEFAULTS[key] !== undefined) settings[key] = { text: INPUT_DEFAULTS[key], yaml: () => loadYaml(INPUT_DEFAULTS[key] ?? '', key), problems };
  }
  return settings;
}

function readTimeout(settings: Settings): number {
  const setting = settings['http-timeout'];
  const seconds = parseDuration(setting?.text ?? '');
  if (seconds !== undefined && seconds >= 1 && seconds <= 300) return seconds;
  setting?.problems.add('http-timeout', 'is not a duration between 1s and 5m (e.g. 15s)', setting.line);
  return 15;
}

/** One of `values`; the first stands in for a wrong one so reading goes on and every problem is reported. */
function readChoice<T extends string>(settings: Settings, key: InputName, values: readonly [T, ...T[]]): T {
  const setting = settings[key];
  const text = setting?.text ?? INPUT_DEFAULTS[key];
  if ((values as readonly string[]).includes(text ?? '')) return text as T;
  setting?.problems.add(key, `is not one of ${values.join(', ')}`, setting.line);
  return values[0];
}

/** `pin-allow`: a YAML list of `PATTERN` / `PATTERN=POLICY`, or a mapping PATTERN: POLICY. */
function readPinAllow(setting: Setting | undefined): string[] {
  if (setting === undefined) return [];
  const { value } = setting.yaml();
  const rules = Array.isArray(value) ? value.map(String) : value && typeof value === 'object' ? Object.entries(value).map(([p, v]) => `${p}=${String(v)}`) : [String(value)];
  rules.forEach((rule, i) => {
    try {
      parseRule(rule);
    } catch (error) {
      // parseRule quotes the rule; only its advice is passed on.
      const hint = error instanceof KeylessError ? error.hint : undefined;
      setting.problems.add('pin-allow', `rule ${i + 1} is not PATTERN or PATTERN=any|ref-pin|hash-pin${hint ? ` (${hint})` : ''}`, setting.line);
    }
  });
  return rules;
}

function readBoolean(settings: Settings, key: InputName): boolean {
  const setting = settings[key];
  if (setting === undefined || /^(false|False|FALSE)$/.test(setting.text)) return false;
  if (/^(true|True|TRUE)$/.test(setting.text)) return true;
  setting.problems.add(key, 'is not true or false', setting.line);
  return false;
}
