import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findLeaks } from '../../test/fakes/leaks.js';
import { startGoogle } from '../../test/fakes/google.js';
import { startOAuthServer } from '../../test/fakes/oauth-server.js';
import { JOB_GITHUB_TOKEN, newJob, RUNTIME_TOKEN, runMain, runnerLines, runPost, type StepRun } from '../../test/fakes/runner-harness.js';
import { startRunnerOidc } from '../../test/fakes/runner-oidc.js';
import { usage } from './args.js';

/** How the runner shows a step's stdout: commands consumed, masked values replaced by ***. */
export function asJobLog(stdout: string, masks: Set<string>): string {
  const lines: string[] = [];
  for (const line of runnerLines(stdout)) {
    const mask = /^::add-mask::(.*)$/.exec(line);
    if (mask) {
      masks.add(decodeURIComponent(mask[1] ?? ''));
      continue;
    }
    let shown = line
      .replace(/^::error(?: [^:]*)?::/, 'Error: ')
      .replace(/^::warning(?: [^:]*)?::/, 'Warning: ')
      .replace(/^::group::/, '▸ ')
      .replace(/^::endgroup::$/, '');
    for (const secret of [...masks].sort((a, b) => b.length - a.length)) shown = shown.split(secret).join('***');
    if (shown !== '') lines.push(`  │ ${shown}`);
  }
  return `${lines.join('\n')}\n`;
}

function distDir(): string {
  // The bundle lives in dist/cli/; the entries it runs sit one level up.
  const here = dirname(fileURLToPath(import.meta.url));
  return existsSync(join(here, 'main.js')) ? here : join(here, '..');
}

/** Runs main and post of the built action against the loopback fakes, printing what a job log shows. */
export async function demo(args: readonly string[], print: (text: string) => void): Promise<number> {
  if (args.length > 0) throw usage(`unexpected argument ${args[0] ?? ''}`, 'the demo takes no arguments');
  const dist = distDir();
  const actionYml = join(dist, '..', 'action.yml');
  const runner = await startRunnerOidc();
  const sts = await startOAuthServer({ trustedIssuer: runner.issuer, issuerPath: '/realms/ci', refreshTokens: false });
  const pool = 'projects/123456/locations/global/workloadIdentityPools/github/providers/acme';
  const google = await startGoogle({ trustedIssuer: runner.issuer, provider: pool });
  try {
    const job = newJob();
    const credentials = [
      '- provider: rfc8693',
      '  id: deploy',
      `  issuer: ${sts.issuer}`,
      '  audience: https://deploy.example.com',
      '  scope: [deploy:read, deploy:write]',
      '  export: [env, file]',
      '- provider: gcp',
      '  id: gcp',
      `  workload-identity-provider: ${pool}`,
      `  sts-endpoint: ${google.url}/v1/token`,
      `  revoke-endpoint: ${google.url}/revoke`,
      '  export: none',
      '- provider: registry',
      '  id: images',
      '  kind: gar',
      '  host: us-docker.pkg.dev',
      '  from: gcp',
    ].join('\n');
    const options = {
      job,
      actionYml,
      inputs: { credentials, 'require-claims': 'ref: refs/heads/main\nrepository: acme/*' },
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: runner.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: runner.requestToken },
    };
    print(`Keyless demo — runner OIDC fake ${runner.url}, RFC 8693 server fake ${sts.issuer}, Google STS fake ${google.url}\n\n`);
    print(`with:\n  credentials: |\n${credentials.replace(/^/gm, '    ')}\n  require-claims: |\n    ref: refs/heads/main\n    repository: acme/*\n\n`);
    const masks = new Set<string>([runner.requestToken]);
    const main = await runMain(options);
    print(`Run keyless (main step) — exit ${main.code}\n${asJobLog(main.stdout, masks)}`);
    const exported = Object.entries(main.env).map(([name, value]) => asJobLog(`${name}=${value}`, masks).trim().replace(/^│ /, ''));
    print(`\nExported to later steps (GITHUB_ENV): ${exported.join(', ')}\n`);
    const docker = main.env.DOCKER_CONFIG ? (JSON.parse(readFileSync(join(main.env.DOCKER_CONFIG, 'config.json'), 'utf8')) as { auths?: object }) : undefined;
    if (docker) print(`Docker config (DOCKER_CONFIG, 0600, deleted at post) logs in to: ${Object.keys(docker.auths ?? {}).join(', ')}\n`);
    print(`Step outputs: ${Object.entries(main.outputs).map(([k, v]) => `${k}=${v}`).join('\n              ')}\n`);
    print(`\nJob summary:\n${main.summary.replace(/^/gm, '  ')}\n`);
    const post = await runPost(options, main);
    print(`Post Run keyless (post step) — exit ${post.code}\n${asJobLog(post.stdout, masks)}`);
    print(`\nThe STS fake saw ${sts.requests.filter((r) => r.path === '/revoke').length} revocation request(s); revoked: ${sts.revoked.size}/${sts.issued.length} token(s).\n`);
    print(`The Google fake revoked ${google.revoked.size}/${google.issued.length} access token(s); the docker config ${docker && !existsSync(join(main.env.DOCKER_CONFIG ?? '', 'config.json')) ? 'is gone' : 'was not written'}.\n`);
    const leaks = findLeaks([main, post] as StepRun[], {
      never: [...runner.issued, runner.requestToken, JOB_GITHUB_TOKEN, RUNTIME_TOKEN],
      credentials: [...sts.issued, ...google.issued],
      allow: { env: true },
      tempDir: job.temp,
    });
    print(leaks.length === 0 ? 'Leak scan: no secret in any log, summary, output or file.\n' : `Leak scan FAILED:\n${leaks.join('\n')}\n`);
    return main.code === 0 && post.code === 0 && leaks.length === 0 ? 0 : 1;
  } finally {
    await Promise.all([runner.close(), sts.close(), google.close()]);
  }
}
