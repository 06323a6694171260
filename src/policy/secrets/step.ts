import type { SecretFinding } from './inventory.js';

/**
 * The one Keyless step replacing every stored secret of a job that a Keyless entry replaces: the
 * entries of its findings, each once. A cloud entry a registry login needs (`id: X`, `export: none`)
 * folds into an entry of the same provider the job already gets, which then takes that id, so one
 * role serves both the job's own calls and the login. Null when nothing in the list is replaceable.
 */
/** Where a second entry of a provider with one fixed variable hands its token instead. */
const SECOND_VARIABLE: Readonly<Record<string, (count: number) => string>> = {
  github: (count) => `  export-env: GH_TOKEN_${String(count)}\n`,
  pypi: () => '  export: outputs\n',
  jfrog: () => '  export: outputs\n',
  aws: (count) => `  profile: aws-${String(count)}\n`,
  vault: () => '  export: outputs\n',
};

export function keylessStep(findings: readonly SecretFinding[]): string | null {
  const entries: string[] = [];
  for (const f of findings) {
    for (const entry of (f.replacement ?? '').split(/^(?=- )/m).filter(Boolean)) {
      if (!entries.includes(entry)) entries.push(entry);
    }
  }
  if (entries.length === 0) return null;
  const merged = [...entries];
  for (const entry of entries) {
    const helper = /^ {2}id: (\S+)\n/m.exec(entry);
    if (helper === null || !entry.includes('\n  export: none\n')) continue;
    const provider = entry.split('\n')[0];
    const plain = merged.findIndex((other) => other.split('\n')[0] === provider && !/^ {2}id: /m.test(other));
    if (plain === -1) continue;
    merged[plain] = (merged[plain] ?? '').replace('\n', `\n  id: ${helper[1] ?? ''}\n`);
    merged.splice(merged.indexOf(entry), 1);
  }
  // Entries of one provider without an id would all take the provider's name as their id, and those whose
  // variable is fixed (GH_TOKEN, TWINE_PASSWORD) would all set it, which the step refuses.
  const seen = new Map<string, number>();
  for (const [i, entry] of merged.entries()) {
    const provider = /^- provider: (\S+)/.exec(entry)?.[1] ?? '';
    const count = (seen.get(provider) ?? 0) + 1;
    seen.set(provider, count);
    if (count === 1) continue;
    const id = /^ {2}id: /m.test(entry) ? '' : `  id: ${provider}-${String(count)}\n`;
    merged[i] = entry.replace('\n', `\n${id}${SECOND_VARIABLE[provider]?.(count) ?? ''}`);
  }
  const credentials = merged.join('').replace(/^/gm, '      ').trimEnd();
  return `- uses: OWNER/keyless@<40-hex-commit-sha> # vX.Y.Z\n  with:\n    credentials: |\n${credentials}\n`;
}
