import { existsSync, statSync } from 'node:fs';
import { KeylessError, renderError } from '../errors.js';
import { toPosixPath } from '../os/paths.js';
import { findFiles, readWorkflowFile } from '../policy/pins/files.js';
import { atOrAbove, inventory, type Level, LEVELS, type SecretFinding } from '../policy/secrets/inventory.js';
import { toSarif } from '../policy/secrets/sarif.js';
import { keylessStep } from '../policy/secrets/step.js';
import { InvalidYaml } from '../policy/secrets/scan.js';
import { exitCode, formatAsked, type Output, parseFlags, REPORT_FORMATS, type ReportFormat, usage } from './args.js';
import { type OrgFlags, ORG_FLAGS, scanOrg, wantsOrgScan } from './org-source.js';
import { usageText } from './usage.js';

const FORMATS = REPORT_FORMATS;
type Format = ReportFormat;

interface Problem {
  file?: string;
  code: string;
  message: string;
}

/**
 * `keyless secrets`: 0 no finding at or above `--fail-on`, 1 such findings or a file not read, 2 usage
 * error. Under `--format json` or `sarif` every outcome, an error included, is a report in that format.
 */
export async function secretsCommand(args: readonly string[], io: Output, env: Readonly<Record<string, string | undefined>> = {}): Promise<number> {
  try {
    const options = readOptions(args);
    return options.org ? await secretsOfOrg(options.org, options, io, env) : secrets(options, io);
  } catch (error) {
    const format = formatAsked(args);
    const failure = problem(error);
    if (format === 'json') io.out(`${JSON.stringify({ errors: [failure] })}\n`);
    if (format === 'sarif') io.out(`${JSON.stringify(toSarif([], [failure.message]), null, 2)}\n`);
    io.err(error instanceof KeylessError && error.code === 'USAGE' ? usageText('secrets', error) : `keyless secrets: ${renderError(error)}\n`);
    return exitCode(error);
  }
}

interface Options {
  paths: string[];
  format: Format;
  failOn: Level;
  /** Set when repositories are scanned through the GitHub API instead of paths. */
  org?: OrgFlags;
}

function readOptions(args: readonly string[]): Options {
  const { values, positionals } = parseFlags(args, { format: { type: 'string', default: 'text' }, 'fail-on': { type: 'string', default: 'low' }, ...ORG_FLAGS }, { positionals: true });
  const org = wantsOrgScan(values, positionals);
  const format = FORMATS.find((f) => f === values.format);
  if (format === undefined) throw usage(`unknown format "${values.format}"`, 'use text, json or sarif');
  const failOn = LEVELS.find((l) => l === values['fail-on']);
  if (failOn === undefined) throw usage(`unknown --fail-on level "${values['fail-on']}"`, 'use none, low, medium or high');
  return { paths: positionals.length > 0 ? positionals : ['.'], format, failOn, ...(org ? { org: values } : {}) };
}

function secrets(options: Options, io: Output): number {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const path of options.paths) {
    if (!existsSync(path)) throw usage(`no such file or directory: ${path}`);
    files.push(...(statSync(path).isDirectory() ? findFiles(path, (dir, error) => problems.push(problem(error, dir))) : [toPosixPath(path)]));
  }
  if (files.length === 0 && problems.length === 0) {
    throw usage(`nothing to scan: no workflow or action file in ${options.paths.join(', ')}`, 'a directory is searched for .github/workflows/*.yml and action.yml; name any other workflow file directly');
  }
  const findings: SecretFinding[] = [];
  for (const file of files) {
    try {
      findings.push(...inventory(file, readWorkflowFile(file)));
    } catch (error) {
      problems.push(problem(error, file));
    }
  }
  for (const p of problems) io.err(`keyless secrets: ${p.message}\n`);
  io.out(render(findings, problems, options.format, files.length));
  return problems.length > 0 || findings.some((f) => atOrAbove(f, options.failOn)) ? 1 : 0;
}

/** `--github-org` / `--github-repos`: one merged inventory, files named `OWNER/REPO/PATH`. */
async function secretsOfOrg(flags: OrgFlags, options: Options, io: Output, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const results = await scanOrg(flags, env, ({ repository, path, text }) => inventory(`${repository}/${path}`, text).map((finding) => ({ ...finding, repository })));
  const findings = results.flatMap((r) => r.findings);
  const problems = results.flatMap((r) => r.problems.map((message) => ({ file: r.repository, code: 'NOT_CHECKED', message: `${r.repository}: ${message}` })));
  for (const p of problems) io.err(`keyless secrets: ${p.message}\n`);
  io.out(render(findings, problems, options.format, results.reduce((sum, r) => sum + r.files, 0)));
  return problems.length > 0 || findings.some((f) => atOrAbove(f, options.failOn)) ? 1 : 0;
}

function problem(error: unknown, file?: string): Problem {
  if (error instanceof InvalidYaml) return { file: error.file, code: 'INPUT_INVALID', message: error.message };
  return { ...(file === undefined ? {} : { file }), code: error instanceof KeylessError ? error.code : 'INTERNAL', message: renderError(error) };
}

function render(findings: readonly SecretFinding[], problems: readonly Problem[], format: Format, scanned: number): string {
  if (format === 'json') return `${JSON.stringify({ findings, ...(problems.length > 0 ? { errors: problems } : {}) })}\n`;
  if (format === 'sarif') return `${JSON.stringify(toSarif(findings, problems.map((p) => p.message)), null, 2)}\n`;
  const byFile = new Map<string, SecretFinding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const blocks = [...byFile].map(([file, list]) => `${file}\n${list.map(describe).join('')}${steps(list)}`);
  const unread = problems.length > 0 ? `, ${String(problems.length)} not read (see stderr)` : '';
  return [...blocks, `${String(findings.length)} stored secret(s) in ${String(scanned)} file(s)${unread}\n`].join('\n');
}

function describe(f: SecretFinding): string {
  const head = `  ${String(f.line)}: secrets.${f.secret}  ${f.kind} (${f.severity}; ${f.confidence} confidence, by ${f.classified_by})  ${via(f)}\n`;
  const idToken = f.replacement === null ? '' : `    id-token: write ${f.id_token_write === true ? 'granted' : f.id_token_write === false ? 'missing: add "permissions: id-token: write" to the job' : 'set by the calling workflow'}\n`;
  const entry = f.replacement === null ? '' : `    replace with:\n${f.replacement.trimEnd().replace(/^/gm, '      ')}\n`;
  const setup = f.setup === null ? '' : `    setup: ${f.setup}\n`;
  const note = f.note === undefined ? '' : `    note: ${f.note}\n`;
  return head + entry + setup + idToken + note;
}

/** Per job, the Keyless step replacing all its replaceable secrets at once. */
function steps(list: readonly SecretFinding[]): string {
  const byJob = new Map<string, SecretFinding[]>();
  for (const f of list) byJob.set(f.job ?? '', [...(byJob.get(f.job ?? '') ?? []), f]);
  return [...byJob]
    .map(([job, findings]) => {
      const step = keylessStep(findings);
      return step === null ? '' : `  the Keyless step for ${job === '' ? 'these secrets' : `job ${job}`}, then delete the secrets it replaces:\n${step.trimEnd().replace(/^/gm, '    ')}\n`;
    })
    .join('');
}

function via({ consumer: c }: SecretFinding): string {
  switch (c.type) {
    case 'input':
      return `→ ${c.action} with.${c.input}`;
    case 'env':
      return `→ env ${c.name} (${c.level})`;
    case 'run':
      return '→ run script';
    case 'reusable':
      return `→ ${c.workflow} secrets.${c.name}`;
    case 'inherit':
      return `→ ${c.workflow} (secrets: inherit)`;
    case 'container':
      return `→ container ${c.image} credentials`;
    case 'other':
      return `→ ${c.key}`;
  }
}
