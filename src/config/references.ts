import type { CredentialEntry } from './config.js';
import { closest, type Problems } from './problems.js';
import type { LoadedYaml } from './yaml.js';

/**
 * `from:` must name another entry of a kind the provider builds on, without a cycle: checked here, so a
 * wrong reference fails before any token is requested.
 */
export function checkReferences(entries: readonly CredentialEntry[], kinds: ReadonlyMap<string, string>, yaml: LoadedYaml, problems: Problems): void {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const entry of entries) {
    if (!entry.provider.derived || entry.from === undefined) continue;
    const at = `credentials[${entry.index}].from`;
    const line = yaml.lineOf([entry.index, 'from']);
    const { providers: allowed } = entry.provider.upstream(entry.config);
    const kind = kinds.get(entry.from);
    if (kind === undefined) {
      const guess = closest(entry.from, [...kinds.keys()].filter((id) => id !== entry.id));
      problems.add(at, `is not the id of any entry${guess ? ` (did you mean "${guess}"?)` : ''}; ids: ${[...kinds.keys()].join(', ')}`, line);
      continue;
    }
    const cycle = cycleFrom(entry, byId);
    const upstream = byId.get(entry.from);
    if (cycle) problems.add(at, `forms a cycle: ${cycle.join(' → ')}; an entry cannot build on itself`, line);
    else if (!allowed.includes(kind)) problems.add(at, `"${entry.from}" is ${article(kind)} ${kind} entry; this ${entry.provider.name} entry builds on ${allowed.join(' or ')}`, line);
    // Both are minted at the step, or both by `keyless exec`: the step's copy for exec holds only exec entries.
    else if (upstream !== undefined && upstream.exports.has('exec') !== entry.exports.has('exec')) problems.add(at, `"${entry.from}" is minted ${upstream.exports.has('exec') ? 'only by keyless exec (export: exec), this entry at the step' : 'at the step, this entry only by keyless exec'}; give both export: exec, or neither`, line);
  }
}

export function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function cycleFrom(start: CredentialEntry, byId: ReadonlyMap<string, CredentialEntry>): string[] | undefined {
  const path = [start.id];
  for (let at = byId.get(start.from ?? ''); at !== undefined; at = byId.get(at.from ?? '')) {
    path.push(at.id);
    if (at.id === start.id) return path;
    if (path.length > byId.size + 1) return undefined;
  }
  return undefined;
}
