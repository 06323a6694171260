import { describe, expect, it } from 'vitest';
import { startAwsSts } from '../fakes/aws-sts.js';
import { startEcr } from '../fakes/container-registries.js';
import type { Answer } from '../fakes/http-fake.js';
import { errorCodes, world } from './setup.js';

// What a registry's token service answers decides which hosts the docker config logs in to: a token for a
// registry the entry did not name would be sent there by every later docker push or pull.

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const OTHER = '999999999999.dkr.ecr.eu-west-1.amazonaws.com';

/** The ECR answer with a further authorizationData item: a copy of the first, for another registry. */
const withExtra = (answer: Answer): Answer => {
  const body = JSON.parse(answer.body) as { authorizationData: Record<string, unknown>[] };
  const [first] = body.authorizationData;
  return { ...answer, body: JSON.stringify({ authorizationData: [...body.authorizationData, { ...first, proxyEndpoint: `https://${OTHER}` }] }) };
};

describe('provider: registry, what ECR answers', () => {
  it.each([
    ['a host the entry names', `\n  host: ${ECR}`, ECR],
    ['no host (the role\'s own registry)', '', "the role's own registry"],
  ])('refuses a token for a registry not asked for, with %s, and writes no login', async (_name, host, asked) => {
    const w = await world();
    const sts = w.adopt(await startAwsSts({ trustedIssuer: w.runner.issuer }));
    const ecr = w.adopt(await startEcr({ sts, region: 'eu-west-1' }));
    ecr.filters.push(withExtra);
    const credentials = `- provider: aws\n  id: aws\n  role: arn:aws:iam::123456789012:role/deploy\n  region: eu-west-1\n  sts-endpoint: ${sts.url}/\n  export: none\n- provider: registry\n  id: ecr\n  kind: ecr\n  from: aws\n  endpoint: ${ecr.url}/${host}`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(main.stdout).toContain(`registry "ecr": Amazon ECR ${ecr.url}/ answered a token for ${OTHER}, which was not asked for (${asked}); no login was written`);
    expect(main.env.DOCKER_CONFIG).toBeUndefined();
    w.expectNoLeaks([main]);
  });
});
