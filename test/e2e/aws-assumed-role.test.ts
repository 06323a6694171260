import { describe, expect, it } from 'vitest';
import { awsWorld, CHAINED_ROLE, ROLE } from './aws-world.js';
import { errorCodes } from './setup.js';

// An STS that answers for another role than the one asked for (a hostile or misdirected sts-endpoint, a
// confused service): its principal would be printed on the ✓ line, in the audit record and the arn output
// as if it were the role's. Every hop must name the role and the session name it was asked for.

const SESSION = 'keyless-acme-widget-9876543210-1';
const TRUST = { [CHAINED_ROLE]: { roles: ['ci'] } };

describe('provider: aws, the assumed role STS answered for', () => {
  it.each([
    ['another role of the same account', (_role: string, session: string) => `arn:aws:sts::123456789012:assumed-role/admin/${session}`, `arn:aws:sts::123456789012:assumed-role/admin/${SESSION}`],
    ['another session name', () => 'arn:aws:sts::123456789012:assumed-role/ci/someone-else', 'arn:aws:sts::123456789012:assumed-role/ci/someone-else'],
    ['another partition', (_role: string, session: string) => `arn:aws-cn:sts::123456789012:assumed-role/ci/${session}`, `arn:aws-cn:sts::123456789012:assumed-role/ci/${SESSION}`],
    ['a role named like the path of the one asked for', (_role: string, session: string) => `arn:aws:sts::123456789012:assumed-role/ci/x/${session}`, `arn:aws:sts::123456789012:assumed-role/ci/x/${SESSION}`],
  ])('refuses credentials for %s, says what was asked and what came back, and hands out nothing', async (_name, assumedRole, answered) => {
    const w = await awsWorld({ assumedRole });
    const main = await w.main({ credentials: w.entry('\n  allowed-account-ids: ["123456789012"]') });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain(
      `aws "aws": AWS STS ${w.sts.url} was asked for role ${ROLE} with session name ${SESSION}, and answered credentials for ${answered} instead (expected arn:aws:sts::123456789012:assumed-role/ci/${SESSION}); they were not handed out`,
    );
    expect(main.stdout).toContain('check sts-endpoint, AWS_ENDPOINT_URL_STS and role');
    expect(main.stdout).not.toContain('✓');
    expect(main.outputs['aws-arn']).toBeUndefined();
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it('refuses a role name that only case folding makes the one asked for (the Kelvin sign K lower-cases to k)', async () => {
    const w = await awsWorld({ assumedRole: (_role, session) => `arn:aws:sts::123456789012:assumed-role/\u212Aube/${session}` });
    const main = await w.main({ credentials: w.entry('', 'arn:aws:iam::123456789012:role/kube') });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain(`(expected arn:aws:sts::123456789012:assumed-role/kube/${SESSION}); they were not handed out`);
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it('refuses a chained hop answered for another role, though the first hop was right', async () => {
    const w = await awsWorld({ trust: TRUST, assumedRole: (role, session) => `arn:aws:sts::${role.split(':')[4] ?? ''}:assumed-role/${role.endsWith('/deploy') ? 'admin' : 'ci'}/${session}` });
    const credentials = `${w.entry('\n  id: ci\n  export: none')}\n- provider: aws\n  id: deploy\n  from: ci\n  role: ${CHAINED_ROLE}\n  sts-endpoint: ${w.sts.url}/`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain(`aws "deploy": AWS STS ${w.sts.url} was asked for role ${CHAINED_ROLE} with session name ${SESSION}, and answered credentials for arn:aws:sts::210987654321:assumed-role/admin/${SESSION} instead`);
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it.each([
    ['a role with a path in aws-cn', 'arn:aws-cn:iam::123456789012:role/path/to/ci', `arn:aws-cn:sts::123456789012:assumed-role/ci/${SESSION}`],
    ['a role in aws-us-gov', 'arn:aws-us-gov:iam::123456789012:role/ci', `arn:aws-us-gov:sts::123456789012:assumed-role/ci/${SESSION}`],
    ['a role name in another case than IAM stores it', 'arn:aws:iam::123456789012:role/CI', `arn:aws:sts::123456789012:assumed-role/ci/${SESSION}`],
  ])('accepts %s, answered as STS writes it', async (_name, role, arn) => {
    const w = await awsWorld({ assumedRole: () => arn });
    const main = await w.main({ credentials: w.entry('', role) });
    expect(main.code, main.stdout).toBe(0);
    expect(main.outputs['aws-arn']).toBe(arn);
    w.expectNoLeaks([main]);
  });
});
