import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
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

export const PINS_USAGE = 'keyless pins [--policy strict] [--allow PATTERN[=any|ref-pin|hash-pin]]... [--format text|json|sarif] [--fix | --verify] PATH...';

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** `keyless pins`: 0 no finding, 1 findings or a file or check that could not be completed, 2 usage error. */
export async function pinsCommand(args: readonly string[], io: Output, env: Readonly<Record<string, string | undefined>> = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        policy: { type: 'string', default: 'strict' },
        allow: { type: 'string', multiple: true, default: [] },
        format: { type: 'string', default: 'text' },
        fix: { type: 'boolean', default: false },
        verify: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.err(`keyless pins: ${(error as Error).message}\nusage: ${PINS_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const usage = (message: string) => {
    io.err(`keyless pins: ${message}\nusage: ${PINS_USAGE}\n`);
    return 2;
  };
  if (positionals.length === 0) return usage('give at least one file or directory');
  if (values.policy !== 'strict') return usage(`unknown policy "${values.policy}" (strict is the only one: no implicit allowances)`);
  if (!['text', 'json', 'sarif'].includes(values.format)) return usage(`unknown format "${values.format}"`);
  let allow;
  try {
    allow = parseAllowList(values.allow);
  } catch (error) {
    if (error instanceof KeylessError) return usage(renderError(error));
    throw error;
  }
  const files: { file: string; root: string }[] = [];
  const problems: Problem[] = [];
  for (const path of positionals) {
    if (!existsSync(path)) return usage(`no such file or directory: ${path}`);
    const directory = statSync(path).isDirectory();
    const root = realpathSync(directory ? path : dirname(path));
    const found = directory ? findFiles(path, (dir, error) => problems.push(problem(error, dir))) : [toPosixPath(path)];
    files.push(...found.map((file) => ({ file, root })));
  }
  if (values.fix) return fix(files, allow, io, env);
  const report = await scan(files, allow, values.verify ? resolveDeps(env) : undefined, problems);
  for (const p of problems) io.err(`keyless pins: ${p.rendered}\n`);
  io.out(render(report, values.format, files.length));
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

/** A file or check that could not be completed: on stderr, and in the JSON and SARIF reports. */
interface Problem {
  file?: string;
  code: string;
  rendered: string;
}

function problem(error: unknown, file?: string): Problem {
  return { ...(file === undefined ? {} : { file }), code: error instanceof KeylessError ? error.code : 'INTERNAL', rendered: renderError(error) };
}

function resolveDeps(env: Readonly<Record<string, string | undefined>>) {
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
  return { http: createHttpClient(), api: parseEndpoint(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL'), ...(token ? { token } : {}) };
}

/** `--fix`: rewrite each file in place, then scan again; 0 when nothing unpinned remains. */
async function fix(files: readonly { file: string; root: string }[], allow: AllowList, io: Output, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const deps = resolveDeps(env);
  let remaining = 0;
  let failed = 0;
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

function render({ findings, omitted, problems }: Report, format: string, scanned: number): string {
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
