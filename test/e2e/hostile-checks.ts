import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { StepRun } from '../fakes/runner-harness.js';
import type { FileShape } from './hostile-worlds.js';

// What a hostile server must never achieve, as the runner and the tools that read Keyless's files see it.
// Each check returns findings (strings) rather than asserting, so one run reports every breach at once.

/** The commands Keyless itself issues on stdout. */
const OWN_COMMANDS = new Set(['add-mask', 'error', 'warning', 'notice', 'debug', 'group', 'endgroup']);

// The runner trims with .NET's Char.IsWhiteSpace, which includes NEL (U+0085); JS \s does not.
const LEADING_SPACE = /^[\s\u0085]+/;
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Every line the runner would act on that is not one of Keyless's own commands: lines end at CR, LF or
 * CRLF; a trimmed line starting `::` is a command, and `##[` anywhere is the legacy form.
 */
export function foreignCommands(run: StepRun, step: string): string[] {
  const findings: string[] = [];
  for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
    for (const line of text.split(/\r\n|\r|\n/)) {
      const shown = JSON.stringify(line.length > 160 ? `${line.slice(0, 160)}…` : line);
      // The runner tries the `::` form first, so an add-mask line may carry a secret that holds `##[`.
      if (line.includes('##[') && !line.startsWith('::add-mask::')) findings.push(`${step} ${stream}: legacy command ${shown}`);
      const trimmed = line.replace(LEADING_SPACE, '');
      if (!trimmed.startsWith('::')) continue;
      const name = /^::([^\s:]*)/.exec(trimmed)?.[1] ?? '';
      if (!OWN_COMMANDS.has(name) || !line.startsWith('::')) findings.push(`${step} ${stream}: command ${shown}`);
    }
  }
  return findings;
}

/** Names in GITHUB_ENV / GITHUB_OUTPUT other than exactly the expected ones; GITHUB_STATE holds only Keyless's cleanup items. */
export function fileCommandFindings(run: StepRun, step: string, expected: { env: string[]; outputs: string[] }): string[] {
  const findings: string[] = [];
  const compare = (what: string, actual: string[], wanted: string[]) => {
    const extra = actual.filter((name) => !wanted.includes(name));
    const missing = wanted.filter((name) => !actual.includes(name));
    if (extra.length > 0 || missing.length > 0) findings.push(`${step} ${what}: extra ${JSON.stringify(extra)}, missing ${JSON.stringify(missing)}`);
  };
  compare('GITHUB_ENV', Object.keys(run.env), expected.env);
  compare('GITHUB_OUTPUT', Object.keys(run.outputs), expected.outputs);
  // A later step reads these as `${{ steps.keyless.outputs.x }}` or $X: a line break or control character there is outside text not made inert.
  for (const [file, values] of [['GITHUB_ENV', run.env], ['GITHUB_OUTPUT', run.outputs]] as const) {
    for (const [name, value] of Object.entries(values)) {
      if (CONTROL.test(value)) findings.push(`${step} ${file} ${name} holds a control character: ${JSON.stringify(value.slice(0, 100))}`);
    }
  }
  for (const [name, value] of Object.entries(run.state)) {
    if (name === 'keyless_key' && /^[0-9a-f]{64}$/.test(value)) continue;
    let item: unknown;
    try {
      // `<hmac>.<json>`: main signs every item it saves (src/runner/state.ts).
      item = /^[0-9a-f]{64}\./.test(value) ? JSON.parse(value.slice(65)) : undefined;
    } catch {
      item = undefined;
    }
    const kind = typeof item === 'object' && item !== null ? (item as { kind?: unknown }).kind : undefined;
    if (!/^keyless_\d{3}$/.test(name) || !['revoke', 'revoke-none', 'path', 'audit', 'settings'].includes(String(kind))) {
      findings.push(`${step} GITHUB_STATE: unexpected record ${JSON.stringify(name)} = ${JSON.stringify(value.slice(0, 120))}`);
    }
  }
  for (const line of run.files.path.split('\n').filter(Boolean)) findings.push(`${step} GITHUB_PATH: ${JSON.stringify(line)}`);
  return findings;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** `[section]` and `key = value` lines only; anything else is a finding. */
function parseIni(text: string, problems: string[]): Record<string, string[]> {
  const sections: Record<string, string[]> = {};
  let current: string[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\[([^\]]+)\]$/.exec(line);
    const pair = /^([\w.-]+) = (\S+)$/.exec(line);
    if (section) sections[section[1] ?? ''] = current = [];
    else if (pair && current) current.push(pair[1] ?? '');
    else if (line !== '') problems.push(`line ${JSON.stringify(line.slice(0, 80))}`);
  }
  return sections;
}

/** npm's `key=value` lines, `;`/`#` comments and blank lines; anything else is a finding. */
function parseNpmrc(text: string, problems: string[]): string[] {
  const keys: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const pair = /^([^=\s;#][^=]*)=(\S+)$/.exec(line);
    if (pair) keys.push(pair[1] ?? '');
    else if (line !== '') problems.push(`line ${JSON.stringify(line.slice(0, 80))}`);
  }
  return keys;
}

function sameKeys(where: string, actual: string[], wanted: string[] | undefined, problems: string[]): void {
  if (wanted === undefined) return;
  if (JSON.stringify([...actual].sort()) !== JSON.stringify([...wanted].sort())) problems.push(`${where} keys ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
}

function checkShape(text: string, shape: FileShape): string[] {
  const problems: string[] = [];
  switch (shape.format) {
    case 'line':
      if (/[\r\n\u2028\u2029\u0085]/.test(text.replace(/\n$/, ''))) problems.push('holds more than one line');
      break;
    case 'npmrc':
      sameKeys('npmrc', parseNpmrc(text, problems), shape.keys, problems);
      break;
    case 'ini': {
      const sections = parseIni(text, problems);
      sameKeys('ini', Object.keys(sections), shape.keys, problems);
      for (const [name, keys] of Object.entries(shape.sections ?? {})) sameKeys(`[${name}]`, sections[name] ?? [], keys, problems);
      break;
    }
    case 'json': {
      let doc: Record<string, unknown>;
      try {
        doc = JSON.parse(text) as Record<string, unknown>;
      } catch (error) {
        return [`is not JSON (${(error as Error).message})`];
      }
      sameKeys('json', Object.keys(doc), shape.keys, problems);
      for (const [name, keys] of Object.entries(shape.sections ?? {})) sameKeys(name, Object.keys(doc[name] ?? {}), keys, problems);
      break;
    }
  }
  return problems;
}

const AUDIT_KEYS = ['version', 'identity', 'tools', 'pins', 'exchanges', 'credentials'];

/**
 * Every file under RUNNER_TEMP: each expected file present and parsing to exactly its keys, the audit record
 * with its keys, and nothing else.
 */
export function fileFindings(temp: string, step: string, expected: Record<string, FileShape>, afterPost = false): string[] {
  const findings: string[] = [];
  const seen = new Set<string>();
  for (const path of walk(temp)) {
    const name = basename(path);
    const text = readFileSync(path, 'utf8');
    const audit = /^keyless-audit-.*\.json$/.test(name);
    const shape: FileShape | undefined = audit ? { format: 'json', keys: afterPost ? [...AUDIT_KEYS, 'cleanup'] : AUDIT_KEYS } : expected[name];
    if (shape === undefined) {
      findings.push(`${step} unexpected file ${path.slice(temp.length)}`);
      continue;
    }
    seen.add(audit ? 'audit' : name);
    for (const problem of checkShape(text, shape)) findings.push(`${step} file ${name}: ${problem}`);
  }
  for (const name of Object.keys(expected)) if (!seen.has(name)) findings.push(`${step} missing file ${name}`);
  return findings;
}

const errorLines = (run: StepRun) => run.lines.filter((line) => line.startsWith('::error'));
const codeOf = (line: string) => /^::error[^:]*::\[([A-Z_]+)\]/.exec(line)?.[1];

/** The codes of the step's `::error::` lines. */
export function errorCodesOf(run: StepRun): string[] {
  return errorLines(run).map((line) => codeOf(line) ?? '(no code)');
}

/** `::error::` lines without a code, or INTERNAL (what renderError calls a Keyless bug), in full. */
export function uncoded(run: StepRun): string[] {
  return errorLines(run).filter((line) => [undefined, 'INTERNAL'].includes(codeOf(line))).map((line) => line.slice(0, 300));
}
