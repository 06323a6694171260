import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { KeylessError, renderError } from '../errors.js';
import { findFiles, readWorkflowFile } from '../policy/pins/files.js';
import { createHttpClient } from '../http/client.js';
import { parseEndpoint } from '../http/url.js';
import { toPosixPath } from '../os/paths.js';
import { fixText } from '../policy/pins/fix.js';
import type { ResolveDeps } from '../policy/pins/resolve.js';
import { type AllowList, parseAllowList } from '../policy/pins/policy.js';
import { refuseRewrite, replaceFile } from '../policy/pins/rewrite.js';
import { toSarif } from '../policy/pins/sarif.js';
import { type Finding, type PinnedUses, scanText, scanWithPins } from '../policy/pins/scan.js';
import { verifyPins } from '../policy/pins/verify-pins.js';
import { exitCode, formatAsked, type Output, parseFlags, REPORT_FORMATS, type ReportFormat, usage } from './args.js';
import { type OrgFlags, ORG_FLAGS, scanOrg, wantsOrgScan } from './org-source.js';
import { usageText } from './usage.js';

const FORMATS = REPORT_FORMATS;
type Format = ReportFormat;
type Env = Readonly<Record<string, string | undefined>>;

/**
 * `keyless pins`: 0 no finding, 1 findings or a file or check that could not be completed, 2 usage error.
 * Under `--format json` or `sarif` every outcome, an error included, is a report in that format on stdout.
 */
export async function pinsCommand(args: readonly string[], io: Output, env: Env = {}): Promise<number> {
  try {
    return await pins(readOptions(args), io, env);
  } catch (error) {
    const format = formatAsked(args);
    if (format !== 'text') io.out(renderFailure(problem(error), format));
    io.err(error instanceof KeylessError && error.code === 'USAGE' ? usageText('pins', error) : `keyless pins: ${renderError(error)}\n`);
    return exitCode(error);
  }
}

interface Options {
  paths: string[];
  /** Set when repositories are scanned through the GitHub API instead of paths. */
  org?: OrgFlags;
  allow: AllowList;
  format: Format;
  fix: boolean;
  verify: boolean;
}

function readOptions(args: readonly string[]): Options {
  const { values, positionals } = parseFlags(
    args,
    {
      // Strict is the only policy, and --allow says every relaxation; the flag stays for the scripts that name it.
      policy: { type: 'string' },
      allow: { type: 'string', multiple: true, default: [] },
      format: { type: 'string', default: 'text' },
      fix: { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      ...ORG_FLAGS,
    },
    { positionals: true },
  );
  const org = wantsOrgScan(values, positionals);
  if (org && (values.fix || values.verify)) throw usage('--fix and --verify work on paths, not with --github-org or --github-repos', 'scan the organisation, then fix or verify each repository from a clone');
  if (values.policy !== undefined && values.policy !== 'strict') throw usage(`unknown policy "${values.policy}"`, 'strict, the default, is the only one: relax it with --allow');
  const format = FORMATS.find((f) => f === values.format);
  if (format === undefined) throw usage(`unknown format "${values.format}"`, 'use text, json or sarif');
  if (values.fix && values.verify) throw usage('give --fix or --verify, not both');
  if (values.fix && format !== 'text') throw usage('--fix reports as text', 'fix first, then scan with --format json or sarif');
  let allow;
  try {
    allow = parseAllowList(values.allow);
  } catch (error) {
    if (error instanceof KeylessError) throw new KeylessError('USAGE', error.message, { ...(error.hint === undefined ? {} : { hint: error.hint }), cause: error });
    throw error;
  }
  return { paths: positionals.length > 0 ? positionals : ['.'], allow, format, fix: values.fix, verify: values.verify, ...(org ? { org: values } : {}) };
}

async function pins(options: Options, io: Output, env: Env): Promise<number> {
  if (options.org) return pinsOfOrg(options.org, options, io, env);
  const files: { file: string; root: string }[] = [];
  const problems: Problem[] = [];
  for (const path of options.paths) {
    if (!existsSync(path)) throw usage(`no such file or directory: ${path}`);
    const directory = statSync(path).isDirectory();
    const root = realpathSync(directory ? path : dirname(path));
    const found = directory ? findFiles(path, (dir, error) => problems.push(problem(error, dir))) : [toPosixPath(path)];
    files.push(...found.map((file) => ({ file, root })));
  }
  if (files.length === 0 && problems.length === 0) {
    throw usage(`nothing to scan: no workflow or action file in ${options.paths.join(', ')}`, 'a directory is searched for .github/workflows/*.yml and action.yml; name any other workflow file directly');
  }
  if (options.fix) return fix(files, options.allow, io, env, problems);
  const report = await scan(files, options.allow, options.verify ? resolveDeps(env) : undefined, problems);
  for (const p of problems) io.err(`keyless pins: ${p.rendered}\n`);
  io.out(render(report, options.format, files.length));
  return report.findings.length > 0 || report.omitted.length > 0 || problems.length > 0 ? 1 : 0;
}

async function scan(files: readonly { file: string }[], allow: AllowList, verify: ResolveDeps | undefined, problems: Problem[]): Promise<Report> {
  const report: Report = { findings: [], omitted: [], problems };
  const pinned: PinnedUses[] = [];
  for (const { file } of files) {
    try {
      const scanned = scanWithPins(file, readWorkflowFile(file), allow);
      report.findings.push(...scanned.findings);
      pinned.push(...scanned.pinned);
      if (scanned.omitted > 0) report.omitted.push({ file, count: scanned.omitted });
    } catch (error) {
      problems.push(problem(error, file));
    }
  }
  if (verify) {
    const verified = await verifyPins(pinned, verify);
    report.findings.push(...verified.findings);
    if (verified.error !== undefined) problems.push(problem(verified.error));
  }
  return report;
}

/**
 * `--github-org` / `--github-repos`: every repository's workflow and action files through the API, one
 * merged report whose file names start with the repository (`acme/widget/.github/workflows/ci.yml`).
 */
async function pinsOfOrg(flags: OrgFlags, options: Options, io: Output, env: Env): Promise<number> {
  const results = await scanOrg(flags, env, ({ repository, path, text }) => scanWithPins(`${repository}/${path}`, text, options.allow).findings.map((finding) => ({ ...finding, repository })));
  const report: Report = { findings: results.flatMap((r) => r.findings), omitted: [], problems: results.flatMap((r) => r.problems.map((p) => ({ file: r.repository, code: 'NOT_CHECKED', rendered: `${r.repository}: ${p}` }))) };
  for (const p of report.problems) io.err(`keyless pins: ${p.rendered}\n`);
  io.out(render(report, options.format, results.reduce((sum, r) => sum + r.files, 0)));
  return report.findings.length > 0 || report.problems.length > 0 ? 1 : 0;
}

/** A file or check that could not be completed: on stderr, and in the JSON and SARIF reports. */
interface Problem {
  file?: string;
  code: string;
  rendered: string;
}

function problem(error: unknown, file?: string): Problem {
  return { ...(file === undefined ? {} : { file }), code: error instanceof KeylessError ? error.code : 'INTERNAL', rendered: renderError(error) };
}

function resolveDeps(env: Env) {
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
  return { http: createHttpClient(), api: parseEndpoint(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL'), ...(token ? { token } : {}) };
}

/** `--fix`: rewrite each file in place, then scan again; 0 when nothing unpinned remains. */
async function fix(files: readonly { file: string; root: string }[], allow: AllowList, io: Output, env: Env, unlisted: readonly Problem[]): Promise<number> {
  const deps = resolveDeps(env);
  let remaining = 0;
  let failed = unlisted.length;
  for (const p of unlisted) io.err(`keyless pins: ${p.rendered}\n`);
  for (const { file, root } of files) {
    try {
      const refused = refuseRewrite(file, [root]);
      if (refused !== undefined) throw new KeylessError('INPUT_INVALID', `${file} was not rewritten: ${refused}`, { hint: 'pin the file it names by hand, or scan the folder that holds it' });
      const text = readWorkflowFile(file);
      const result = await fixText(text, scanText(file, text, allow), deps);
      if (result.text !== text) replaceFile(file, result.text);
      for (const f of result.fixed) io.out(`${file}:${f.line}: ${f.from} → ${f.to}\n`);
      for (const u of result.unresolved) io.err(`${file}:${u.line}: ${u.ref} left as is: ${u.reason}\n`);
      remaining += scanText(file, result.text, allow).length;
    } catch (error) {
      failed++;
      io.err(`keyless pins: ${renderError(error)}\n`);
    }
  }
  io.out(`${remaining} unpinned reference(s) remain${failed > 0 ? `, ${failed} file(s) not fixed` : ''}\n`);
  return remaining > 0 || failed > 0 ? 1 : 0;
}

interface Report {
  findings: Finding[];
  omitted: { file: string; count: number }[];
  problems: Problem[];
}

function render({ findings, omitted, problems }: Report, format: Format, scanned: number): string {
  const errors = problems.map(({ file, code, rendered }) => ({ ...(file === undefined ? {} : { file }), code, message: rendered }));
  // Offsets are the fixer's business, not part of the JSON contract; `omitted` and `errors` appear only when non-empty.
  const json = { findings, ...(omitted.length > 0 ? { omitted } : {}), ...(errors.length > 0 ? { errors } : {}) };
  if (format === 'json') return `${JSON.stringify(json, (key, value: unknown) => (key === 'offset' ? undefined : value))}\n`;
  if (format === 'sarif') return `${JSON.stringify(toSarif(findings, [...omitted.map((o) => `${o.file}: ${o.count} more finding(s) not listed`), ...errors.map((e) => `${e.file ? `${e.file}: ` : ''}${e.message}`)]), null, 2)}\n`;
  const lines = findings.map((f) => `${f.file}:${f.line}: ${f.kind} ${f.ref}${f.dynamic ? ' (unresolved expression)' : ''}${f.note ? ` (${f.note})` : ''}${f.alias_line ? ` (used through the alias at line ${f.alias_line})` : ''}`);
  const more = omitted.map((o) => `${o.file}: … and ${o.count} more finding(s)`);
  const total = findings.length + omitted.reduce((sum, o) => sum + o.count, 0);
  const unchecked = problems.length > 0 ? `, ${problems.length} not checked (see stderr)` : '';
  return `${[...lines, ...more, `${total} finding(s) in ${scanned} file(s)${unchecked}`].join('\n')}\n`;
}

/** The report of a run that scanned nothing: it has no `findings`, so no reader takes it for a clean scan. */
function renderFailure({ code, rendered }: Problem, format: 'json' | 'sarif'): string {
  if (format === 'json') return `${JSON.stringify({ errors: [{ code, message: rendered }] })}\n`;
  return `${JSON.stringify(toSarif([], [rendered]), null, 2)}\n`;
}
