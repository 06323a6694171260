import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KeylessError, renderError } from '../errors.js';
import { findFiles } from '../policy/pins/files.js';
import { parseAllowList } from '../policy/pins/policy.js';
import { toSarif } from '../policy/pins/sarif.js';
import { type Finding, scanText } from '../policy/pins/scan.js';

export const PINS_USAGE = 'keyless pins [--policy strict] [--allow PATTERN[=any|ref-pin|hash-pin]]... [--format text|json|sarif] PATH...';

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** `keyless pins`: 0 no finding, 1 findings, 2 usage error. */
export function pinsCommand(args: readonly string[], io: Output): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { policy: { type: 'string', default: 'strict' }, allow: { type: 'string', multiple: true, default: [] }, format: { type: 'string', default: 'text' } },
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
  const findings = files.flatMap((file) => scanText(file, readFileSync(file, 'utf8'), allow));
  io.out(render(findings, values.format, files.length));
  return findings.length > 0 ? 1 : 0;
}

function render(findings: Finding[], format: string, scanned: number): string {
  if (format === 'json') return `${JSON.stringify({ findings })}\n`;
  if (format === 'sarif') return `${JSON.stringify(toSarif(findings), null, 2)}\n`;
  const lines = findings.map((f) => `${f.file}:${f.line}: ${f.kind} ${f.ref}${f.dynamic ? ' (unresolved expression)' : ''}${f.note ? ` (${f.note})` : ''}`);
  return `${[...lines, `${findings.length} finding(s) in ${scanned} file(s)`].join('\n')}\n`;
}
