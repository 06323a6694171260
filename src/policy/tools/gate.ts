import { createHash, createPublicKey } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Config } from '../../config/config.js';
import { KeylessError, renderError } from '../../errors.js';
import type { HttpClient } from '../../http/client.js';
import { parseEndpoint } from '../../http/url.js';
import type { Runner } from '../../runner/runner.js';
import { publicGoodRoot } from '../sigstore/trust.js';
import { refreshedRoot } from '../sigstore/tuf-refresh.js';
import { type SignerPolicy, verifyBundle } from '../sigstore/verify.js';
import { attestationBundles } from './attestations.js';
import { fetchTool } from './download.js';
import { checkProvenance } from './provenance.js';
import type { ToolSpec, VerifiedTool } from './types.js';

export interface GateDeps {
  runner: Runner;
  http: HttpClient;
  workspace: string;
}

/**
 * Verifies every tool (concurrently) before any credential exists. Under `enforce` one failure fails the
 * step; under `warn` each failure is an annotation and the run goes on.
 */
export async function gateTools(config: Config, deps: GateDeps): Promise<VerifiedTool[]> {
  const trustedRoot = config.trustedRoot
    ? readJson(resolve(deps.workspace, config.trustedRoot), 'trusted-root')
    : ((config.tufRefresh ? await refreshedRoot(deps.runner, config.tufMirror) : undefined) ?? publicGoodRoot());
  const results = await Promise.allSettled(config.tools.map((tool) => verifyTool(tool, trustedRoot, config, deps)));
  const verified: VerifiedTool[] = [];
  const failures: string[] = [];
  results.forEach((result, i) => {
    const name = config.tools[i]?.name ?? '?';
    if (result.status === 'fulfilled') {
      verified.push(result.value);
      deps.runner.info(`✓ tool ${name}: ${result.value.digest} signed by ${result.value.identity ?? 'the pinned key'}${result.value.tlogIndex ? `, log index ${result.value.tlogIndex}` : ''}`);
    } else {
      failures.push(`${name}: ${renderError(result.reason).replace(/^\[[A-Z_]+\] /, '')}`);
      if (config.toolPolicy === 'warn') deps.runner.warning(`tool ${name} is not verified: ${renderError(result.reason)}`, { title: 'Keyless tool policy' });
    }
  });
  if (failures.length > 0 && config.toolPolicy === 'enforce') {
    throw new KeylessError('TOOL_UNVERIFIED', `${failures.length} tool(s) failed verification, so no credential was requested: ${failures.join('; ')}`, {
      hint: 'fix the pin or the signer policy, or use tool-policy: warn while adopting',
    });
  }
  return verified;
}

async function verifyTool(tool: ToolSpec, trustedRoot: unknown, config: Config, deps: GateDeps): Promise<VerifiedTool> {
  // `pinned` is the file the digest and signature cover (an archive as released); `usable` is what runs.
  const { pinned: file, usable } = tool.url ? await fetchTool(tool, deps) : { pinned: resolve(deps.workspace, tool.path ?? ''), usable: undefined };
  if (!existsSync(file)) throw new KeylessError('TOOL_UNVERIFIED', `${file} does not exist`, { hint: 'check the path (relative to the workspace), or download the tool first' });
  const digests = await hashFile(file);
  const pinned = tool.sha512 ? ['sha512', tool.sha512, digests.sha512] : ['sha256', tool.sha256, digests.sha256];
  if (pinned[1] !== pinned[2]) {
    throw new KeylessError('TOOL_UNVERIFIED', `${pinned[0]} is ${pinned[2]}, the pin is ${pinned[1]}`, { hint: 'the file is not the version you pinned: a tag or download moved' });
  }
  const policy: SignerPolicy = {
    ...(tool.identity ? { identity: tool.identity } : {}),
    ...(tool.identityRegexp ? { identityRegexp: tool.identityRegexp } : {}),
    ...(tool.key ? { key: createPublicKey(readFileSync(resolve(deps.workspace, tool.key))) } : { issuer: tool.issuer }),
    ...(Object.keys(tool.extensions).length > 0 ? { extensions: tool.extensions } : {}),
  };
  const sha256 = Buffer.from(digests.sha256, 'hex');
  const { signature, evidence } = tool.bundle
    ? { signature: verifyBundle({ bundle: await loadBundle(tool.bundle, deps), artifact: { sha256 }, trustedRoot, policy }), evidence: `bundle ${tool.bundle}` }
    : await fromAttestations(tool, sha256, trustedRoot, policy, config, deps);
  const path = usable ?? file;
  if (tool.addToPath) deps.runner.addPath(tool.extract === 'none' ? dirname(path) : path);
  return {
    name: tool.name,
    digest: tool.sha512 ? `sha512:${digests.sha512}` : signature.digest,
    evidence,
    path,
    ...(signature.identity ? { identity: signature.identity } : {}),
    ...(signature.issuer ? { issuer: signature.issuer } : {}),
    ...(signature.tlogIndex ? { tlogIndex: signature.tlogIndex } : {}),
  };
}


async function fromAttestations(tool: ToolSpec, sha256: Buffer, trustedRoot: unknown, policy: SignerPolicy, config: Config, deps: GateDeps) {
  const repo = tool.attestations ?? '';
  const bundles = await attestationBundles(repo, sha256.toString('hex'), { http: deps.http, runner: deps.runner, ...(config.githubToken ? { token: config.githubToken } : {}) });
  const reasons: string[] = [];
  for (const bundle of bundles) {
    try {
      const signature = verifyBundle({ bundle, artifact: { sha256 }, trustedRoot, policy });
      checkProvenance(tool, signature);
      return { signature, evidence: `attestation in ${repo}` };
    } catch (error) {
      reasons.push(renderError(error).replace(/^\[[A-Z_]+\] /, ''));
    }
  }
  throw new KeylessError('TOOL_UNVERIFIED', `none of the ${bundles.length} attestation(s) in ${repo} for sha256:${sha256.toString('hex')} verifies: ${reasons.join(' | ')}`, {
    hint: 'check identity/issuer against who builds the release',
  });
}

async function loadBundle(location: string, deps: GateDeps): Promise<unknown> {
  if (!/^https?:\/\//.test(location)) return readJson(isAbsolute(location) ? location : resolve(deps.workspace, location), 'bundle');
  const url = parseEndpoint(location, 'bundle URL');
  const response = await deps.http.request({ method: 'GET', url, what: 'bundle download', headers: { accept: 'application/json' } });
  if (response.status !== 200) throw new KeylessError('TOOL_UNVERIFIED', `bundle ${url.href} answered HTTP ${response.status}`);
  return JSON.parse(response.body) as unknown;
}

function readJson(path: string, what: string): unknown {
  if (!existsSync(path)) throw new KeylessError('TOOL_UNVERIFIED', `${what} ${path} does not exist`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    throw new KeylessError('TOOL_UNVERIFIED', `${what} ${path} is not JSON`);
  }
}

async function hashFile(path: string): Promise<{ sha256: string; sha512: string }> {
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  for await (const chunk of createReadStream(path)) {
    sha256.update(chunk as Buffer);
    sha512.update(chunk as Buffer);
  }
  return { sha256: sha256.digest('hex'), sha512: sha512.digest('hex') };
}

