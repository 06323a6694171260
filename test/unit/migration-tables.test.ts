import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldReader } from '../../src/config/fields.js';
import { PEERS } from '../../src/config/peer-keys.js';
import { Problems } from '../../src/config/problems.js';
import { providers } from '../../src/providers/catalog.js';
import { codeSpans, readmeSections, type Table } from '../readme.js';

// Each peer action's migration table in the README lists every input and output of that action, as a copy
// of its action.yml kept in test/fixtures/peers/ says, and nothing the action does not have; and every
// input a migrating user copies over is either a key of the provider or has a hint in peer-keys.ts, so the
// configuration error tells them what it became.

interface PeerFixture {
  action: string;
  provider: string;
  /** The first header cell of the README table. */
  table: string;
  inputs: string[];
  outputs: string[];
  /** Outputs the peer documents but does not declare in action.yml (set at run time). */
  documentedOutputs?: string[];
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'peers');
const fixtures = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as PeerFixture);
const tables = readmeSections().flatMap((s) => s.tables);

/** The keys an entry of the provider takes: its own, and those every entry takes (a peer may share one's name: setup-jfrog-cli's oidc-audience). */
function keysRead(provider: string): string[] {
  const fields = new FieldReader({}, 'x', [], undefined, new Problems());
  providers[provider]?.read(fields, 'x');
  return [...fields.known, 'oidc-audience', 'export', 'id', 'provider'];
}

describe.each(fixtures.map((f) => [f.action, f] as const))('migration table for %s', (_, peer) => {
  const matching = tables.filter((t: Table) => t.header[0] === peer.table && t.header[1] === 'Keyless');
  const table = matching[0];
  const listed = (table?.rows ?? []).flatMap((row) => codeSpans(row[0]));
  const outputs = [...peer.outputs, ...(peer.documentedOutputs ?? [])];

  it('is in the README once', () => {
    expect(matching).toHaveLength(1);
    expect(peer.inputs.length).toBeGreaterThan(0);
  });

  it('lists every input and output of the action, and no name it does not have', () => {
    expect(peer.inputs.filter((name) => !listed.includes(name)), 'inputs missing from the table').toEqual([]);
    expect(outputs.filter((name) => !listed.includes(name)), 'outputs missing from the table').toEqual([]);
    expect(listed.filter((name) => !peer.inputs.includes(name) && !outputs.includes(name)), 'names the action does not have').toEqual([]);
  });

  it('names outputs as outputs, and says what each row becomes', () => {
    for (const row of table?.rows ?? []) {
      const names = codeSpans(row[0]);
      if (names.some((name) => outputs.includes(name) && !peer.inputs.includes(name))) expect(row[0], 'an output row says so').toMatch(/output/);
      expect(row[1]?.trim() ?? '', `${row[0] ?? ''}: no Keyless equivalent or reason`).not.toBe('');
    }
  });

  it('gives every input a Keyless key of the same name or a hint in src/config/peer-keys.ts, and no hint for a name the action lacks', () => {
    const hints = PEERS[peer.provider]?.keys ?? {};
    const read = keysRead(peer.provider);
    expect(peer.inputs.filter((name) => !read.includes(name) && !Object.hasOwn(hints, name)), 'inputs a migrating user gets "unknown key" for').toEqual([]);
    expect(Object.keys(hints).filter((name) => !peer.inputs.includes(name)), 'hints for names the action does not have').toEqual([]);
  });
});
