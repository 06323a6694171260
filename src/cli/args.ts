import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { KeylessError } from '../errors.js';

/** Where a command prints whole lines; src/cli.ts makes every one inert on its way out. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A command's flags, strictly: an unknown flag, a missing value or a stray argument is a USAGE error. */
export function parseFlags<O extends ParseArgsOptionsConfig>(args: readonly string[], options: O, { positionals = false } = {}) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: positionals });
  } catch (error) {
    throw new KeylessError('USAGE', error instanceof Error ? error.message : String(error), { cause: error });
  }
}

export function usage(message: string, hint?: string): KeylessError {
  return new KeylessError('USAGE', message, hint === undefined ? {} : { hint });
}

/** The exit code every command uses for an error: 2 for a usage error, 1 for any other. */
export function exitCode(error: unknown): 1 | 2 {
  return error instanceof KeylessError && error.code === 'USAGE' ? 2 : 1;
}

/** The report formats `pins` and `secrets` print. */
export const REPORT_FORMATS = ['text', 'json', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The format a report was asked in, read leniently: flags that do not parse are reported in it too. */
export function formatAsked(args: readonly string[]): ReportFormat {
  const { format } = parseArgs({ args: [...args], options: { format: { type: 'string' } }, strict: false, allowPositionals: true }).values;
  return REPORT_FORMATS.find((f) => f === format) ?? 'text';
}
