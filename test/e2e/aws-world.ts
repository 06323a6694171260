import { spawn } from 'node:child_process';
import { type AwsStsOptions, startAwsSts } from '../fakes/aws-sts.js';
import { baseEnv } from '../fakes/runner-harness.js';
import { root, world } from './setup.js';

// What the AWS end-to-end tests share: a runner, an STS fake trusting it, entries pointing at that fake,
// and the real AWS SDK for JavaScript v3 reading what a step exported, as a later step's program would.

export const ROLE = 'arn:aws:iam::123456789012:role/ci';
export const CHAINED_ROLE = 'arn:aws:iam::210987654321:role/deploy';

export async function awsWorld(options: Partial<AwsStsOptions> = {}) {
  const w = await world();
  const sts = w.adopt(await startAwsSts({ trustedIssuer: w.runner.issuer, ...options }));
  /** An aws entry (YAML list item) for `role`, with `extra` lines (each `\n  key: value`). */
  const entry = (extra = '', role = ROLE) => `- provider: aws\n  role: ${role}\n  region: eu-west-1\n  sts-endpoint: ${sts.url}/${extra}`;
  return { ...w, sts, entry };
}

export interface SdkResult {
  accessKeyId?: string;
  expiration?: string;
  error?: string;
}

// A later step's program: the SDK's own credential providers, nothing of Keyless.
const PROBE = `
const { fromIni, fromNodeProviderChain, fromTokenFile } = await import('@aws-sdk/credential-providers');
const { PROBE } = process.env;
const provider = PROBE === 'chain' ? fromNodeProviderChain() : PROBE ? fromIni({ profile: PROBE }) : fromTokenFile();
try {
  const credentials = await provider();
  console.log(JSON.stringify({ accessKeyId: credentials.accessKeyId, expiration: credentials.expiration?.toISOString() }));
} catch (error) {
  console.log(JSON.stringify({ error: error.name + ': ' + error.message }));
}
`;

/**
 * Runs @aws-sdk/credential-providers in a child process with `env` (what the job's steps exported) and
 * nothing of this machine's AWS setup: `fromTokenFile()` with the web-identity variables, `fromIni` for a
 * profile, or `chain`: the SDK's default provider chain, which prefers keys in the environment.
 */
export async function sdkCredentials(env: Record<string, string>, home: string, how?: { profile: string } | 'chain'): Promise<SdkResult> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', PROBE], {
    cwd: root,
    env: { ...baseEnv(), HOME: home, USERPROFILE: home, AWS_EC2_METADATA_DISABLED: 'true', ...env, ...(how ? { PROBE: how === 'chain' ? 'chain' : how.profile } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  await new Promise((resolve) => child.on('close', resolve));
  const line = out.trim().split('\n').at(-1) ?? '';
  if (!line.startsWith('{')) throw new Error(`the SDK probe printed no result: ${err}`);
  return JSON.parse(line) as SdkResult;
}
