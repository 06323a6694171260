import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KeylessError, renderError } from '../errors.js';
import { findFiles } from '../policy/pins/files.js';
import { createHttpClient } from '../http/client.js';
import { parseEndpoint } from '../http/url.js';
import { fixText } from '../policy/pins/fix.js';
import { type AllowList, parseAllowList } from '../policy/pins/policy.js';
import { toSarif } from '../policy/pins/sarif.js';
import { type Finding, scanText, scanWithPins } from '../policy/pins/scan.js';
import { verifyPins } from '../policy/pins/verify-pins.js';

export const PINS_USAGE = 'keyless pins [--policy strict] [--allow PATTERN[=any|ref-pin|hash-pin]]... [--format text|json|sarif] [--fix | --verify] PATH...';

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** `keyless pins`: 0 no finding, 1 findings, 2 usage error. */
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
  const files: string[] = [];
  for (const path of positionals) {
    if (!existsSync(path)) return usage(`no such file or directory: ${path}`);
    files.push(...(statSync(path).isDirectory() ? findFiles(path) : [path]));
  }
  if (values.fix) return fix(files, allow, io, env);
  const scanned = files.map((file) => scanWithPins(file, readFileSync(file, 'utf8'), allow));
  const findings = scanned.flatMap((s) => s.findings);
  if (values.verify) findings.push(...(await verifyPins(scanned.flatMap((s) => s.pinned), resolveDeps(env))));
  io.out(render(findings, values.format, files.length));
  return findings.length > 0 ? 1 : 0;
}

function resolveDeps(env: Readonly<Record<string, string | undefined>>) {
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
  return { http: createHttpClient(), api: parseEndpoint(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL'), ...(token ? { token } : {}) };
}

/** `--fix`: rewrite each file in place, then scan again; 0 when nothing unpinned remains. */
async function fix(files: readonly string[], allow: AllowList, io: Output, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const deps = resolveDeps(env);
  let remaining = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const result = await fixText(text, scanText(file, text, allow), deps);
    if (result.text !== text) writeFileSync(file, result.text);
    for (const f of result.fixed) io.out(`${file}:${f.line}: ${f.from} → ${f.to}\n`);
    for (const u of result.unresolved) io.err(`${file}:${u.line}: ${u.ref} left as is: ${u.reason}\n`);
    remaining += scanText(file, result.text, allow).length;
  }
  io.out(`${remaining} unpinned reference(s) remain\n`);
  return remaining > 0 ? 1 : 0;
}

function render(findings: Finding[], format: string, scanned: number): string {
  // Offsets are the fixer's business, not part of the JSON contract.
  if (format === 'json') return `${JSON.stringify({ findings }, (key, value: unknown) => (key === 'offset' ? undefined : value))}\n`;
  if (format === 'sarif') return `${JSON.stringify(toSarif(findings), null, 2)}\n`;
  const lines = findings.map((f) => `${f.file}:${f.line}: ${f.kind} ${f.ref}${f.dynamic ? ' (unresolved expression)' : ''}${f.note ? ` (${f.note})` : ''}`);
  return `${[...lines, `${findings.length} finding(s) in ${scanned} file(s)`].join('\n')}\n`;
}
