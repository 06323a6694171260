import type { SecretFinding } from './inventory.js';

/** Where a second entry of a provider with one fixed variable hands its token instead. */
const SECOND_VARIABLE: Readonly<Record<string, (count: number) => string>> = {
  github: (count) => `  export-env: GH_TOKEN_${String(count)}\n`,
  pypi: () => '  export: outputs\n',
  jfrog: () => '  export: outputs\n',
  aws: (count) => `  profile: aws-${String(count)}\n`,
  vault: () => '  export: outputs\n',
};

const idOf = (entry: string) => /^ {2}id: (\S+)\n/m.exec(entry)?.[1];
const providerOf = (entry: string) => /^- provider: (\S+)/.exec(entry)?.[1] ?? '';

/** `base-N` with the least N from `from` that no entry has taken as its id (its provider's name when it has none). */
function freeId(base: string, entries: readonly string[], from = 2): string {
  const taken = new Set(entries.map((entry) => idOf(entry) ?? providerOf(entry)));
  for (let n = from; ; n++) if (!taken.has(`${base}-${String(n)}`)) return `${base}-${String(n)}`;
}

/**
 * One finding's entries, a cloud entry with the registry login built on it: when an earlier finding's
 * cloud entry took the same id with other settings (another account or region), this one takes the id
 * an earlier entry with its own settings already has, or else an id of its own, and its login follows
 * it, or the login would build on the wrong role.
 */
function renamedApart(group: readonly string[], entries: readonly string[]): string[] {
  const withoutId = (entry: string) => entry.replace(/^ {2}id: \S+\n/m, '');
  const renamed = [...group];
  for (const [i, entry] of group.entries()) {
    const id = idOf(entry);
    if (id === undefined || entries.includes(entry) || !entries.some((other) => idOf(other) === id)) continue;
    const same = entries.find((other) => withoutId(other) === withoutId(entry));
    const fresh = (same === undefined ? undefined : idOf(same)) ?? freeId(id, [...entries, ...renamed]);
    renamed[i] = (renamed[i] ?? '').replace(`\n  id: ${id}\n`, `\n  id: ${fresh}\n`);
    for (const [j, other] of renamed.entries()) renamed[j] = other.replace(`\n  from: ${id}\n`, `\n  from: ${fresh}\n`);
  }
  return renamed;
}

/**
 * The one Keyless step replacing every stored secret of a job that a Keyless entry replaces: the
 * entries of its findings, each once. A cloud entry a registry login needs (`id: X`, `export: none`)
 * folds into an entry of the same provider the job already gets, which then takes that id, so one
 * role serves both the job's own calls and the login. Null when nothing in the list is replaceable.
 */
export function keylessStep(findings: readonly SecretFinding[]): string | null {
  const entries: string[] = [];
  for (const f of findings) {
    for (const entry of renamedApart((f.replacement ?? '').split(/^(?=- )/m).filter(Boolean), entries)) {
      if (!entries.includes(entry)) entries.push(entry);
    }
  }
  if (entries.length === 0) return null;
  const merged = [...entries];
  for (const entry of entries) {
    const helper = idOf(entry);
    if (helper === undefined || !entry.includes('\n  export: none\n')) continue;
    const provider = entry.split('\n')[0];
    const plain = merged.findIndex((other) => other.split('\n')[0] === provider && !/^ {2}id: /m.test(other));
    if (plain === -1) continue;
    merged[plain] = (merged[plain] ?? '').replace('\n', `\n  id: ${helper}\n`);
    merged.splice(merged.indexOf(entry), 1);
  }
  // Entries of one provider without an id would all take the provider's name as their id, and those whose
  // variable is fixed (GH_TOKEN, TWINE_PASSWORD) would all set it, which the step refuses.
  const seen = new Map<string, number>();
  for (const [i, entry] of merged.entries()) {
    const provider = providerOf(entry);
    const count = (seen.get(provider) ?? 0) + 1;
    seen.set(provider, count);
    if (count === 1) continue;
    const id = idOf(entry) === undefined ? `  id: ${freeId(provider, merged, count)}\n` : '';
    // An entry only a login builds on (export: none) sets no variable.
    const variable = entry.includes('\n  export: none\n') ? '' : (SECOND_VARIABLE[provider]?.(count) ?? '');
    merged[i] = entry.replace('\n', `\n${id}${variable}`);
  }
  const credentials = merged.join('').replace(/^/gm, '      ').trimEnd();
  return `- uses: OWNER/keyless@<40-hex-commit-sha> # vX.Y.Z\n  with:\n    credentials: |\n${credentials}\n`;
}
