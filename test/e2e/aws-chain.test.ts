import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AwsSession, startAwsSts, stsErrorBody, throttled } from '../fakes/aws-sts.js';
import { startEcr } from '../fakes/container-registries.js';
import { awsWorld, CHAINED_ROLE, ROLE } from './aws-world.js';
import { errorCodes, oidcAudiences } from './setup.js';

// Role chaining: an aws entry with `from:` assumes its role with the session of another aws entry, by
// STS AssumeRole signed with SigV4. The STS fake recomputes every signature with the secret of the
// session that signed it.

const SESSION = 'keyless-acme-widget-9876543210-1';
const UPSTREAM_ARN = `arn:aws:sts::123456789012:assumed-role/ci/${SESSION}`;
const CHAINED_ARN = `arn:aws:sts::210987654321:assumed-role/deploy/${SESSION}`;
const TRUST = { [CHAINED_ROLE]: { roles: ['ci'], externalId: 'acme-ci-7f3a', tagSession: true } };

/** The upstream entry (id ci, export none) and the chained one (id deploy) on the same STS, with `extra` lines. */
function chain(w: Awaited<ReturnType<typeof awsWorld>>, extra = '', url = w.sts.url): string {
  return `${w.entry('\n  id: ci\n  export: none')}\n- provider: aws\n  id: deploy\n  from: ci\n  role: ${CHAINED_ROLE}\n  sts-endpoint: ${url}/${extra}`;
}

describe('provider: aws with from: (role chaining)', () => {
  it('assumes the role with AssumeRole signed by the upstream session, every parameter as STS documents it, and hands out only the chained keys', async () => {
    const w = await awsWorld({ region: 'eu-west-1', trust: TRUST });
    const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}';
    const credentials = chain(
      w,
      `\n  external-id: acme-ci-7f3a\n  duration: 30m\n  session-policy: '${policy}'\n  managed-session-policies: arn:aws:iam::aws:policy/AmazonS3FullAccess` +
        '\n  session-tags:\n    team: platform\n    cost-center: 4711\n  transitive-tag-keys: team',
    );
    const { main, post } = await w.job2({ credentials });

    expect(main.code, main.stdout).toBe(0);
    // One runner token: the chained entry takes none.
    expect(oidcAudiences(w.runner)).toEqual(['sts.amazonaws.com']);
    const [first, second] = w.sts.calls;
    expect(first?.action).toBe('AssumeRoleWithWebIdentity');
    expect(second).toEqual({
      action: 'AssumeRole',
      signedBy: UPSTREAM_ARN,
      params: {
        Action: 'AssumeRole',
        Version: '2011-06-15',
        RoleArn: CHAINED_ROLE,
        // The upstream session's name: one name along the chain in CloudTrail.
        RoleSessionName: SESSION,
        DurationSeconds: '1800',
        ExternalId: 'acme-ci-7f3a',
        Policy: policy,
        'PolicyArns.member.1.arn': 'arn:aws:iam::aws:policy/AmazonS3FullAccess',
        'Tags.member.1.Key': 'team',
        'Tags.member.1.Value': 'platform',
        'Tags.member.2.Key': 'cost-center',
        'Tags.member.2.Value': '4711',
        'TransitiveTagKeys.member.1': 'team',
      },
    });
    const [upstreamKey, , , chainedKey, chainedSecret, chainedToken] = w.sts.issued;
    const signed = w.sts.requests[1];
    expect(signed?.headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${upstreamKey ?? ''}/\\d{8}/eu-west-1/sts/aws4_request, SignedHeaders=[^,]*x-amz-security-token[^,]*, Signature=[0-9a-f]{64}$`));
    expect(main.env).toEqual({ AWS_ACCESS_KEY_ID: chainedKey, AWS_SECRET_ACCESS_KEY: chainedSecret, AWS_SESSION_TOKEN: chainedToken, AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' });
    expect(main.outputs['deploy-arn']).toBe(CHAINED_ARN);
    expect(main.outputs['deploy-account-id']).toBe('210987654321');
    expect(main.outputs['ci-arn']).toBe(UPSTREAM_ARN);

    // Each hop's principal, in the summary and the audit record.
    expect(main.summary).toContain(`| deploy | ${UPSTREAM_ARN} → ${CHAINED_ARN} |`);
    expect(main.summary).toContain(`| deploy | aws ← ci | ${CHAINED_ARN} |`);
    const audit = JSON.parse(readFileSync(main.outputs['audit-file'] ?? '', 'utf8')) as { exchanges: unknown[]; credentials: { id: string; from?: string; chain?: string[]; principal: string }[] };
    expect(audit.exchanges).toEqual([
      { id: 'ci', provider: 'aws', audience: 'sts.amazonaws.com', outcome: 'issued' },
      { id: 'deploy', provider: 'aws', from: 'ci', outcome: 'issued' },
    ]);
    expect(audit.credentials.find((c) => c.id === 'deploy')).toMatchObject({ from: 'ci', principal: CHAINED_ARN, chain: [UPSTREAM_ARN, CHAINED_ARN] });
    expect(audit.credentials.find((c) => c.id === 'ci')?.chain).toBeUndefined();
    expect(post.code).toBe(0);
    w.expectNoLeaks([main, post]);
  });

  it('chains twice and logs in to ECR with the last session: every hop signed by the one before', async () => {
    const w = await awsWorld();
    const ecr = w.adopt(await startEcr({ sts: w.sts, region: 'eu-west-1', accountId: '333333333333', allowedRoles: ['release'] }));
    const release = 'arn:aws:iam::333333333333:role/release';
    const credentials = `${chain(w, '\n  export: none')}\n- provider: aws\n  id: release\n  from: deploy\n  role: ${release}\n  sts-endpoint: ${w.sts.url}/\n  export: none\n- provider: registry\n  id: ecr\n  kind: ecr\n  host: 333333333333.dkr.ecr.eu-west-1.amazonaws.com\n  from: release\n  endpoint: ${ecr.url}/`;
    const main = await w.main({ credentials });

    expect(main.code, main.stdout).toBe(0);
    expect(w.sts.calls.map((c) => [c.action, c.signedBy])).toEqual([
      ['AssumeRoleWithWebIdentity', undefined],
      ['AssumeRole', UPSTREAM_ARN],
      ['AssumeRole', CHAINED_ARN],
    ]);
    expect(ecr.requests[0]?.headers.authorization).toContain(`Credential=${w.sts.issued[6] ?? ''}/`);
    expect(main.summary).toContain(`| ecr | ${UPSTREAM_ARN} → ${CHAINED_ARN} → arn:aws:sts::333333333333:assumed-role/release/${SESSION} → AWS at 333333333333.dkr.ecr.eu-west-1.amazonaws.com |`);
    w.expectNoLeaks([main, await w.post({ credentials }, main)]);
  });

  it('takes the upstream entry\'s region when it has none of its own, for signing and for AWS_REGION', async () => {
    const w = await awsWorld({ region: 'eu-west-1' });
    const credentials = `${w.entry('\n  id: ci\n  export: none')}\n- provider: aws\n  from: ci\n  role: ${CHAINED_ROLE}\n  sts-endpoint: ${w.sts.url}/`;
    const main = await w.main({ credentials });
    expect(main.code, main.stdout).toBe(0);
    expect(w.sts.requests[1]?.headers.authorization).toMatch(/\/eu-west-1\/sts\/aws4_request/);
    expect(main.env.AWS_REGION).toBe('eu-west-1');
    w.expectNoLeaks([main]);
  });

  it('says what the trust policy must allow when the role refuses the upstream session (wrong external id), and does not retry', async () => {
    const w = await awsWorld({ trust: TRUST });
    const main = await w.main({ credentials: chain(w, '\n  external-id: acme-ci-wrong') });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain(`aws "deploy": AWS STS ${w.sts.url} answered HTTP 403: AccessDenied "User: ${UPSTREAM_ARN} is not authorized to perform: sts:AssumeRole on resource: ${CHAINED_ROLE}" to AssumeRole with the session of "ci"`);
    expect(main.stdout).toContain('the trust policy of role must allow sts:AssumeRole for the role of "ci" (the user named above), its sts:ExternalId condition must equal external-id');
    expect(w.sts.calls.filter((c) => c.action === 'AssumeRole')).toHaveLength(1);
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it('names sts:TagSession when the role may not be tagged', async () => {
    const w = await awsWorld({ trust: { [CHAINED_ROLE]: { roles: ['ci'] } } });
    const main = await w.main({ credentials: chain(w, '\n  session-tags: {team: platform}') });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('is not authorized to perform: sts:TagSession');
    expect(main.stdout).toContain('it must allow sts:TagSession too');
    w.expectNoLeaks([main]);
  });

  it('is refused with SignatureDoesNotMatch by an STS that checks the signature with another secret', async () => {
    const w = await awsWorld();
    // A second STS that knows the upstream sessions, but with each secret key altered in its last character.
    const altered = new (class extends Map<string, AwsSession> {
      override get(key: string): AwsSession | undefined {
        const session = w.sts.sessions.get(key);
        return session && { ...session, secretAccessKey: `${session.secretAccessKey.slice(0, -1)}${session.secretAccessKey.endsWith('A') ? 'B' : 'A'}` };
      }
    })();
    const other = w.adopt(await startAwsSts({ trustedIssuer: w.runner.issuer, sessions: altered }));
    const main = await w.main({ credentials: chain(w, '', other.url) });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('HTTP 403: SignatureDoesNotMatch "The request signature we calculated does not match the signature you provided.');
    expect(main.stdout).toContain("or the runner's clock is off by more than 5 minutes");
    w.expectNoLeaks([main]);
  });

  it('is refused with InvalidClientTokenId by an STS that does not know the upstream session', async () => {
    const w = await awsWorld();
    const other = w.adopt(await startAwsSts({ trustedIssuer: w.runner.issuer }));
    const main = await w.main({ credentials: chain(w, '', other.url) });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('HTTP 403: InvalidClientTokenId "The security token included in the request is invalid."');
    expect(main.stdout).toContain('STS does not accept the session of the entry in from: here');
    w.expectNoLeaks([main]);
  });

  it('is refused with SignatureDoesNotMatch when signed for another region than the endpoint serves', async () => {
    const w = await awsWorld({ region: 'eu-west-1' });
    const main = await w.main({ credentials: chain(w, '\n  region: us-east-1') });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain("SignatureDoesNotMatch \"Credential should be scoped to a valid region, not 'us-east-1'");
    expect(main.stdout).toContain('region must be the region of sts-endpoint');
    w.expectNoLeaks([main]);
  });

  it('retries AssumeRole throttling, as for the first role', async () => {
    const w = await awsWorld();
    // The first answer (the upstream's) goes through; the chained role's is throttled twice.
    w.sts.faults.push({ kind: 'delay', ms: 0 }, throttled, throttled);
    const main = await w.main({ credentials: chain(w) });
    expect(main.code, main.stdout).toBe(0);
    expect(w.sts.calls.map((c) => c.action)).toEqual(['AssumeRoleWithWebIdentity', 'AssumeRole']);
    expect(w.sts.requests).toHaveLength(4);
    w.expectNoLeaks([main]);
  });

  it.each([
    ['ExpiredToken', 403, 'The security token included in the request is expired', 'EXCHANGE_DENIED', 'the session of the entry in from: expired before it was used; re-run the job'],
    ['ValidationError', 400, 'Value at tags failed to satisfy constraint', 'EXCHANGE_FAILED', 'fix role, duration (at most the role maximum), session-policy, managed-session-policies or session-tags'],
    ['IncompleteSignature', 400, "Authorization header requires 'Credential' parameter.", 'EXCHANGE_DENIED', 'a proxy stripped the SigV4 headers; let requests to STS through unchanged'],
    ['RegionDisabledException', 403, 'STS is not activated in this region for account:210987654321', 'EXCHANGE_FAILED', 'activate STS in this region'],
  ])('says what to do about %s', async (code, status, message, errorCode, hint) => {
    const w = await awsWorld();
    w.sts.faults.push({ kind: 'delay', ms: 0 }, { kind: 'status', status, body: stsErrorBody(code, message) });
    const main = await w.main({ credentials: chain(w) });
    expect(errorCodes(main)).toEqual([errorCode]);
    expect(main.stdout).toContain(`HTTP ${status}: ${code} "${message}" to AssumeRole with the session of "ci" — ${hint}`);
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it('is not attempted when the upstream entry fails, and exports nothing', async () => {
    const w = await awsWorld({ allowedSubjects: ['repo:acme/widget:environment:production'] });
    const main = await w.main({ credentials: chain(w) });
    expect(errorCodes(main).sort()).toEqual(['EXCHANGE_DENIED', 'EXCHANGE_FAILED']);
    expect(main.stdout).toContain('aws "deploy": not attempted: it builds on "ci", which failed');
    expect(w.sts.calls.map((c) => c.action)).toEqual(['AssumeRoleWithWebIdentity']);
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it.each([
    ['a duration over the 1-hour chaining cap', 'duration: 2h', "duration (line 12): is over 1 hour, which AWS refuses for a role assumed with another role's session (role chaining)"],
    ['a transitive key that is not a session tag', 'session-tags: {team: a}\n  transitive-tag-keys: [team, env]', 'transitive-tag-keys (line 13): names a key not in session-tags'],
    ['a tag key AWS reserves', "session-tags: {'aws:team': a}", 'session-tags (line 12): tag 1 has a key that is not 1–128 letters'],
    ['tag keys that differ only in case', 'session-tags: {Team: a, team: b}', 'session-tags (line 12): tags 1 and 2 have the same key but for case, which AWS takes for one'],
    ['a tag value outside the tag alphabet', 'session-tags: {team: "a;b"}', 'session-tags (line 12): tag 1 has a value that is not 0–256 letters, digits, spaces or _.:/=+-@'],
    ['more than 50 tags', `session-tags: {${Array.from({ length: 51 }, (_, i) => `t${i}: v`).join(', ')}}`, 'session-tags (line 12): has 51 tags; AWS accepts at most 50'],
    ['an empty list of allowed accounts', 'allowed-account-ids: []', 'allowed-account-ids (line 12): is an empty list'],
    ['session tags that are not a mapping', 'session-tags: [team]', 'session-tags (line 12): must be a non-empty mapping of KEY: value, not a list'],
    ['an external id outside its alphabet', 'external-id: "a b"', 'external-id (line 12): is not 2–1224 characters'],
    ['mode web-identity', 'mode: web-identity', 'mode (line 12): web-identity applies to an entry without from:'],
    ['an OIDC audience', 'oidc-audience: sts.amazonaws.com', 'oidc-audience (line 12): an aws entry with from: takes no OIDC token'],
  ])('refuses %s before any request', async (_name, line, message) => {
    const w = await awsWorld();
    const main = await w.main({ credentials: chain(w, `\n  ${line}`) });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain(`credentials[1].${message}`);
    expect(w.runner.requests).toEqual([]);
  });

  it('refuses from: naming an unknown id, a gcp entry, or itself; and chain-only keys on an entry without from:', async () => {
    const w = await awsWorld();
    const gcp = '- provider: gcp\n  id: gcp\n  workload-identity-provider: projects/1/locations/global/workloadIdentityPools/p/providers/q';
    const credentials = [
      gcp,
      `- provider: aws\n  id: a\n  from: gcp\n  role: ${CHAINED_ROLE}`,
      `- provider: aws\n  id: b\n  from: cl\n  role: ${CHAINED_ROLE}`,
      `- provider: aws\n  id: c\n  from: c\n  role: ${CHAINED_ROLE}\n  export: none`,
      `- provider: aws\n  id: d\n  role: ${ROLE}\n  region: eu-west-1\n  external-id: abc\n  transitive-tag-keys: team\n  export: none`,
    ].join('\n');
    const main = await w.main({ credentials });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('credentials[1].from (line 6): "gcp" is a gcp entry; this aws entry builds on aws');
    expect(main.stdout).toContain('credentials[2].from (line 10): is not the id of any entry');
    expect(main.stdout).toContain('credentials[3].from (line 14): forms a cycle: c → c');
    expect(main.stdout).toContain("credentials[4].external-id (line 21): applies to a role assumed with another aws entry's keys (from:, role chaining)");
    expect(main.stdout).toContain('credentials[4].transitive-tag-keys (line 22): applies to a role assumed with');
    expect(w.runner.requests).toEqual([]);
  });
});
