import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../../../src/config/config.js';
import { inventory } from '../../../../src/policy/secrets/inventory.js';
import { keylessStep } from '../../../../src/policy/secrets/step.js';

// What a user fills in for each placeholder: with them, every entry printed must be a valid Keyless config.
const FILLED: Readonly<Record<string, string>> = {
  ACCOUNT_ID: '123456789012',
  ROLE: 'ci',
  REGION: 'eu-west-1',
  PROJECT_NUMBER: '123456',
  POOL: 'github',
  PROVIDER: 'acme',
  NAME: 'acmeci',
  PROJECT: 'acme-prod',
  CLIENT_ID: '00000000-0000-0000-0000-000000000001',
  TENANT_ID: '00000000-0000-0000-0000-000000000002',
  SUBSCRIPTION_ID: '00000000-0000-0000-0000-000000000003',
  PACKAGE: '@acme/app',
  VAULT_ADDR: 'https://vault.acme.example',
  JWT_ROLE: 'ci',
  OIDC_INTEGRATION: 'github',
  OWNER: 'acme',
  REPO: 'app',
  TRUST_POLICY: 'release',
  ORG: 'acme',
  ROBOT: 'github_ci',
};
const fill = (yaml: string) => yaml.replace(/<([A-Z_]+)>/g, (whole, name: string) => FILLED[name] ?? whole);

const folder = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'secrets');
const findings = readdirSync(folder)
  .filter((f) => f.endsWith('.yml'))
  .flatMap((f) => inventory(f, readFileSync(join(folder, f), 'utf8')));

describe('the entries keyless secrets prints', () => {
  it('load as Keyless configuration once their placeholders are filled, each alone', () => {
    const replacements = [...new Set(findings.map((f) => f.replacement).filter((r) => r !== null))];
    expect(replacements.length).toBeGreaterThan(10);
    for (const replacement of replacements) {
      expect(() => loadConfig({ credentials: fill(replacement) }, process.cwd()), replacement).not.toThrow();
    }
  });

  it('load as one step per job, merged', () => {
    const jobs = new Map<string, typeof findings>();
    for (const f of findings) jobs.set(`${f.file} ${f.job ?? ''}`, [...(jobs.get(`${f.file} ${f.job ?? ''}`) ?? []), f]);
    for (const [job, list] of jobs) {
      const step = keylessStep(list);
      if (step === null) continue;
      const [parsed] = parse(fill(step)) as [{ with: { credentials: string } }];
      expect(() => loadConfig({ credentials: parsed.with.credentials }, process.cwd()), job).not.toThrow();
    }
  });

  it('and so does the README\'s migrated job', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
    const block = /The job after the migration[^]*?```yaml\n([^]*?)```/.exec(readme)?.[1] ?? '';
    const job = (parse(block) as { jobs: { release: { steps: { with?: { credentials?: string } }[] } } }).jobs.release;
    const credentials = job.steps.find((step) => step.with?.credentials !== undefined)?.with?.credentials ?? '';
    expect(loadConfig({ credentials }, process.cwd()).credentials.map((c) => c.provider.name)).toEqual(['aws', 'registry', 'npm']);
  });
});
