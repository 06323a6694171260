import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/policy/secrets/classify.js';
import { atOrAbove, inventory } from '../../../../src/policy/secrets/inventory.js';
import { RULES } from '../../../../src/policy/secrets/rules.js';
import { toSarif } from '../../../../src/policy/secrets/sarif.js';
import { scanSecrets } from '../../../../src/policy/secrets/scan.js';

const step = (body: string, permissions = '') => `on: push\njobs:\n  a:\n    runs-on: x\n${permissions}    steps:\n      - ${body.replace(/\n/g, '\n        ')}\n`;
const one = (body: string, permissions = '') => {
  const [found] = inventory('w.yml', step(body, permissions));
  if (!found) throw new Error('no finding');
  return found;
};

describe('classify', () => {
  it('trusts the consuming action over the variable and the name', () => {
    const found = one('uses: aws-actions/configure-aws-credentials@v4\nwith:\n  aws-access-key-id: ${{ secrets.NPM_TOKEN }}');
    expect([found.kind, found.confidence, found.classified_by]).toEqual(['aws', 'high', 'input']);
  });

  it('matches an action whatever its ref, subpath or case', () => {
    expect(one('uses: Azure/Login@a81bbbf8298c0fa03ea29cdc473d45769f953675\nwith:\n  creds: ${{ secrets.X }}').kind).toBe('azure');
    expect(one('uses: google-github-actions/auth/sub@v2\nwith:\n  credentials_json: ${{ secrets.X }}').kind).toBe('gcp');
  });

  it('uses the variable a value lands in when no action input says', () => {
    const found = one('run: ./x\nenv:\n  CARGO_REGISTRY_TOKEN: ${{ secrets.X }}');
    expect([found.kind, found.classified_by]).toEqual(['crates', 'env']);
  });

  it('falls back to the secret\'s name with low confidence, and to unknown', () => {
    expect([one('run: ./x ${{ secrets.PYPI_THING }}').kind, one('run: ./x ${{ secrets.PYPI_THING }}').confidence]).toEqual(['pypi', 'low']);
    expect(one('run: ./x ${{ secrets.SONAR_TOKEN }}')).toMatchObject({ kind: 'unknown', replacement: null, severity: 'low' });
  });

  it('keeps rule order: no name rule before a variable rule, no variable rule before an input rule', () => {
    const order = RULES.map((r) => ['input', 'any-input', 'env', 'run', 'name'].indexOf(r.on));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('tells registries apart by host', () => {
    const login = (registry: string) => one(`uses: docker/login-action@v3\nwith:\n  registry: ${registry}\n  password: \${{ secrets.P }}`);
    expect(login('123456789012.dkr.ecr.us-east-1.amazonaws.com').registry).toBe('ecr');
    expect(login('public.ecr.aws').registry).toBe('ecr');
    expect(login('europe-docker.pkg.dev').registry).toBe('gar');
    expect(login('gcr.io').registry).toBe('gar');
    expect(login('acme.azurecr.io').registry).toBe('acr');
    expect(login('ghcr.io').registry).toBe('ghcr');
    expect(login('acme.jfrog.io').registry).toBe('jfrog');
    expect(login('quay.io')).toMatchObject({ registry: 'quay', replacement: '- provider: quay\n  robot: <ORG>+<ROBOT>\n', setup: 'README.md#quay-robot-accounts-provider-quay' });
    expect(one('uses: docker/login-action@v3\nwith:\n  registry: quay.io\n  username: acme+ci\n  password: ${{ secrets.P }}').replacement).toBe('- provider: quay\n  robot: acme+ci\n');
    expect(login('registry.example.com')).toMatchObject({ registry: 'other', replacement: null, severity: 'low' });
    expect(one('uses: docker/login-action@v3\nwith:\n  password: ${{ secrets.P }}')).toMatchObject({ kind: 'docker', registry: 'other', replacement: null });
  });

  it('reads the registry of a docker login in a run script', () => {
    expect(one('run: echo "${{ secrets.P }}" | docker login --username ci --password-stdin acme.azurecr.io').registry).toBe('acr');
    expect(one('run: echo "${{ secrets.P }}" | docker login quay.io -u acme+ci --password-stdin').replacement).toBe('- provider: quay\n  robot: acme+ci\n');
  });

  it('classifies secrets: inherit as its own kind, with no entry to paste', () => {
    const [found] = inventory('w.yml', 'on: push\njobs:\n  a:\n    uses: o/r/.github/workflows/w.yml@v1\n    secrets: inherit\n');
    expect(found).toMatchObject({ line: 5, secret: '*', kind: 'secrets-inherit', replacement: null, severity: 'medium' });
  });

  it('passes a classifier its own rule table', () => {
    const [use] = scanSecrets('w.yml', step('run: echo ${{ secrets.SPECIAL }}'));
    if (!use) throw new Error('no use');
    expect(classify(use, [{ on: 'name', names: /^SPECIAL$/, kind: 'vault', confidence: 'medium' }])).toMatchObject({ kind: 'vault', confidence: 'medium' });
  });
});

describe('replacement', () => {
  it('fills what the workflow states and leaves placeholders for the rest', () => {
    const found = one('uses: aws-actions/configure-aws-credentials@v4\nwith:\n  aws-region: eu-west-1\n  aws-secret-access-key: ${{ secrets.K }}');
    expect(found.replacement).toBe('- provider: aws\n  role: arn:aws:iam::<ACCOUNT_ID>:role/<ROLE>\n  region: eu-west-1\n');
    expect(found.setup).toBe('README.md#aws-provider-aws');
    const dynamic = one('uses: aws-actions/configure-aws-credentials@v4\nwith:\n  aws-region: ${{ vars.REGION }}\n  aws-secret-access-key: ${{ secrets.K }}');
    expect(dynamic.replacement).toContain('region: <REGION>');
  });

  it('builds a registry login on a cloud entry for ECR, GAR, ACR and GHCR', () => {
    const ecr = one('uses: docker/login-action@v3\nwith:\n  registry: 1.dkr.ecr.eu-west-1.amazonaws.com\n  password: ${{ secrets.P }}');
    expect(ecr.replacement).toContain('- provider: registry\n  kind: ecr\n  host: 1.dkr.ecr.eu-west-1.amazonaws.com\n  from: aws\n');
    expect(ecr.setup).toBe('README.md#container-registries-provider-registry');
    const ghcr = one('uses: docker/login-action@v3\nwith:\n  registry: ghcr.io\n  password: ${{ secrets.P }}');
    expect(ghcr).toMatchObject({ github_token_enough: true });
  });

  it('targets TestPyPI when the upload does', () => {
    expect(one('uses: pypa/gh-action-pypi-publish@release/v1\nwith:\n  password: ${{ secrets.T }}\n  repository-url: https://test.pypi.org/legacy/').replacement).toBe('- provider: pypi\n  index: https://test.pypi.org\n');
  });

  it('separates a PAT the job\'s GITHUB_TOKEN may replace from one that reaches another repository', () => {
    const own = one('uses: actions/checkout@v4\nwith:\n  token: ${{ secrets.PAT }}');
    expect(own).toMatchObject({ kind: 'github-pat', github_token_enough: true, severity: 'medium' });
    const other = one('uses: actions/checkout@v4\nwith:\n  repository: acme/config\n  token: ${{ secrets.PAT }}');
    expect(other).toMatchObject({ github_token_enough: false });
    expect(other.replacement).toBe('- provider: github\n  scope: acme/config\n  identity: <TRUST_POLICY>\n');
    expect(one('run: gh pr list --repo acme/other\nenv:\n  GH_TOKEN: ${{ secrets.PAT }}').github_token_enough).toBe(false);
  });

  it('reports whether the job grants id-token: write', () => {
    expect(one('run: npm publish\nenv:\n  NODE_AUTH_TOKEN: ${{ secrets.T }}', '    permissions:\n      id-token: write\n').id_token_write).toBe(true);
    expect(one('run: npm publish\nenv:\n  NODE_AUTH_TOKEN: ${{ secrets.T }}').id_token_write).toBe(false);
  });
});

describe('severity and SARIF', () => {
  const found = inventory('w.yml', step('run: echo ${{ secrets.AWS_SECRET_ACCESS_KEY }} ${{ secrets.GH_PAT }} ${{ secrets.SONAR }}'));

  it('ranks a federation-replaceable credential high, a PAT medium, an unknown low', () => {
    expect(found.map((f) => f.severity)).toEqual(['high', 'medium', 'low']);
    expect(found.filter((f) => atOrAbove(f, 'medium')).map((f) => f.secret)).toEqual(['AWS_SECRET_ACCESS_KEY', 'GH_PAT']);
    expect(found.filter((f) => atOrAbove(f, 'none'))).toEqual([]);
  });

  it('has one rule per kind and one result per finding at its line', () => {
    const sarif = toSarif(found) as { runs: [{ tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }] };
    const ids = sarif.runs[0].tool.driver.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('secrets-inherit');
    expect(sarif.runs[0].results.map((r) => [r.ruleId, r.locations[0]?.physicalLocation.region.startLine])).toEqual([['aws', 6], ['github-pat', 6], ['unknown', 6]]);
  });
});
