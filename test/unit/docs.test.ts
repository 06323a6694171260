import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/config.js';
import { FieldReader } from '../../src/config/fields.js';
import { INPUT_DEFAULTS, type InputName } from '../../src/config/inputs.js';
import { Problems } from '../../src/config/problems.js';
import { ERROR_CODES, KeylessError } from '../../src/errors.js';
import { providers } from '../../src/providers/catalog.js';
import type { AnyProvider } from '../../src/providers/types.js';
import { codeSpans, readmeSections, section, tablesWith } from '../readme.js';

// The README says what the code does: each check takes its truth from the code (the catalog, each
// provider's declared outputs and the keys its read() takes, INPUT_DEFAULTS, ERROR_CODES, action.yml) and
// names what the README lacks or claims beyond it.

const action = parse(readFileSync(join(import.meta.dirname, '../../action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};
const sections = readmeSections();
const names = Object.keys(providers);

const missingFrom = (expected: Iterable<string>, actual: Iterable<string>) => [...expected].filter((name) => ![...actual].includes(name));

/** The keys a provider's read() takes: every key it reads, even when all are absent (as peer-keys.test.ts does). */
function keysRead(provider: AnyProvider): string[] {
  const fields = new FieldReader({}, 'x', [], undefined, new Problems());
  provider.read(fields, 'x');
  return [...fields.known];
}

/** The keys config.ts reads on every entry before its provider's, as its unknown-key message lists them. */
function entryKeys(): string[] {
  const crates = providers.crates as AnyProvider;
  try {
    loadConfig({ credentials: '- provider: crates\n  not-a-key: x' }, process.cwd());
  } catch (error) {
    if (!(error instanceof KeylessError)) throw error;
    const listed = /known keys: ([^;]+)/.exec(error.message)?.[1]?.split(', ') ?? [];
    return listed.filter((key) => !keysRead(crates).includes(key));
  }
  throw new Error('expected an unknown-key error');
}

describe('README Outputs', () => {
  const outputs = section(sections, 'Outputs');

  it('lists the step outputs action.yml declares, and the principal every entry sets', () => {
    const [table] = tablesWith(outputs, 'output', 'meaning');
    const listed = (table?.rows ?? []).flatMap((row) => codeSpans(row[0]));
    const expected = [...Object.keys(action.outputs), '<id>-principal'];
    expect(missingFrom(expected, listed), 'outputs missing from the README').toEqual([]);
    expect(missingFrom(listed, expected), 'outputs the README lists that action.yml does not declare').toEqual([]);
  });

  it.each(names)('%s: lists exactly the outputs the provider declares, secret ones apart', (name) => {
    const provider = providers[name] as AnyProvider;
    const rows = tablesWith(outputs, 'provider', 'outputs').flatMap((t) => t.rows);
    const row = rows.find((r) => codeSpans(r[0]).includes(name));
    expect(row, `no row for ${name} in the README's outputs table`).toBeDefined();
    const perEntry = (cell: string | undefined) => codeSpans(cell).filter((span) => span.startsWith('<id>-'));
    expect(perEntry(row?.[1]).sort(), `${name}: public outputs`).toEqual(provider.outputs.public.map((o) => `<id>-${o}`).sort());
    const secret = [...provider.outputs.secret, ...(provider.outputs.named === undefined ? [] : [provider.outputs.named])];
    expect(perEntry(row?.[2]).sort(), `${name}: secret outputs (export: outputs)`).toEqual(secret.map((o) => `<id>-${o}`).sort());
  });

  it('has a row for each provider in the catalog, and no other, in each per-provider table', () => {
    for (const table of tablesWith(outputs, 'provider')) {
      const rows = table.rows.map((row) => codeSpans(row[0])[0] ?? '');
      expect(missingFrom(names, rows), `${table.header.join(' | ')}: providers missing`).toEqual([]);
      expect(missingFrom(rows, names), `${table.header.join(' | ')}: rows for no provider`).toEqual([]);
    }
    expect(tablesWith(outputs, 'provider')).toHaveLength(2);
  });
});

describe('README Inputs', () => {
  const inputTables = sections.flatMap((s) => tablesWith(s, 'input', 'default').map((table) => ({ where: s.heading, table })));

  /** What the default cell must say: the value the code applies, or (none applied) no literal value at all. */
  function defaultProblem(input: string, cell: string): string | undefined {
    const inCode = INPUT_DEFAULTS[input as InputName];
    const declared = action.inputs[input]?.default;
    const expected = inCode ?? (declared ? declared : undefined);
    if (expected !== undefined) return cell === `\`${expected}\`` ? undefined : `${input}: default ${cell}, but the code applies \`${expected}\``;
    return /^`[^`]*`$/.test(cell) ? `${input}: default ${cell}, but no default is applied` : undefined;
  }

  it('lists every input action.yml declares, one per row, in the Inputs table', () => {
    const [table] = tablesWith(section(sections, 'Inputs'), 'input', 'default', 'meaning');
    const rows = table?.rows ?? [];
    expect(rows.filter((row) => codeSpans(row[0]).length !== 1).map((row) => row[0]), 'rows that name more than one input').toEqual([]);
    expect(missingFrom(Object.keys(action.inputs), rows.map((row) => codeSpans(row[0])[0] ?? '')), 'inputs missing from the Inputs table').toEqual([]);
  });

  it('names only inputs that exist, with the default the code applies, in every input table', () => {
    const problems = inputTables.flatMap(({ where, table }) =>
      table.rows.flatMap((row) =>
        codeSpans(row[0]).flatMap((input) => {
          if (!(input in action.inputs)) return [`${where}: ${input} is not an input`];
          const problem = defaultProblem(input, row[1] ?? '');
          return problem ? [`${where}: ${problem}`] : [];
        }),
      ),
    );
    expect(inputTables.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe('README Errors', () => {
  it('lists every error code, and only those', () => {
    const [table] = tablesWith(section(sections, 'Errors'), 'code', 'when');
    const listed = (table?.rows ?? []).flatMap((row) => codeSpans(row[0]));
    expect(missingFrom(ERROR_CODES, listed), 'codes missing from the Errors table').toEqual([]);
    expect(missingFrom(listed, ERROR_CODES), 'codes in the Errors table that src/errors.ts does not have').toEqual([]);
  });
});

describe('README entry keys', () => {
  const common = entryKeys();

  it('lists the keys every entry accepts', () => {
    const [table] = tablesWith(section(sections, 'Inputs'), 'key', 'default', 'meaning');
    const listed = (table?.rows ?? []).flatMap((row) => codeSpans(row[0]));
    const read = new Set([...common, ...Object.values(providers).flatMap(keysRead)]);
    expect(common.length).toBeGreaterThan(0);
    expect(missingFrom(common, listed), 'entry keys missing').toEqual([]);
    expect(missingFrom(listed, read), 'keys no entry reads').toEqual([]);
  });

  it.each(names)('%s: its section lists every key the provider reads, and no other', (name) => {
    const provider = providers[name] as AnyProvider;
    const listed = tablesWith(section(sections, name), 'key').flatMap((t) => t.rows.flatMap((row) => codeSpans(row[0])));
    const read = keysRead(provider);
    expect(missingFrom(read, listed), `keys ${name} reads that its README section lacks`).toEqual([]);
    expect(missingFrom(listed, [...read, ...common]), `keys the ${name} section lists that it does not read`).toEqual([]);
  });
});
