import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { chmodSync, closeSync, constants, createReadStream, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { Config } from '../../config/config.js';
import { KeylessError, renderError } from '../../errors.js';
import type { HttpClient } from '../../http/client.js';
import { parseEndpoint } from '../../http/url.js';
import { removeOptions } from '../../os/fs-retry.js';
import { toPosixPath } from '../../os/paths.js';
import type { Runner } from '../../runner/runner.js';
import { type Evidence, readEvidence } from '../sigstore/evidence-file.js';
import { publicGoodRoot } from '../sigstore/trust.js';
import { newTufCache, refreshedRoot } from '../sigstore/tuf-refresh.js';
import { type SignerPolicy, verifyBundle } from '../sigstore/verify.js';
import { firstAttestation } from './attestations.js';
import { downloadTool } from './download.js';
import { extractArchive } from './extract.js';
import { checkProvenance } from './provenance.js';
import type { ToolSpec, VerifiedTool } from './types.js';

export interface GateDeps {
  runner: Runner;
  http: HttpClient;
  workspace: string;
  /** Records the tools folder for the post step to delete (the main step's CleanupLog). */
  cleanup?: { record(item: { kind: 'path'; path: string }): void };
}

/**
 * Verifies every tool (concurrently) before any credential exists. Under `enforce` one failure fails the
 * step; under `warn` each failure is an annotation and the run goes on.
 */
export async function gateTools(config: Config, deps: GateDeps): Promise<VerifiedTool[]> {
  const refresh = async () => refreshedRoot(deps.runner, config.tufMirror, newTufCache(deps.runner.env, (path) => deps.cleanup?.record({ kind: 'path', path })));
  const trustedRoot = config.trustedRoot
    ? readJson(resolve(deps.workspace, config.trustedRoot), 'trusted-root')
    : ((config.tufRefresh ? await refresh() : undefined) ?? publicGoodRoot());
  const folder = config.tools.some((tool) => tool.url) ? toolsFolder(deps) : '';
  const results = await Promise.allSettled(config.tools.map((tool) => verifyTool(tool, trustedRoot, config, deps, folder)));
  const verified: VerifiedTool[] = [];
  const failures: string[] = [];
  results.forEach((result, i) => {
    const name = config.tools[i]?.name ?? '?';
    if (result.status === 'fulfilled') {
      verified.push(result.value);
      deps.runner.info(`✓ tool ${name}: ${result.value.digest} signed by ${result.value.identity ?? 'the pinned key'}${result.value.tlogIndex ? `, log index ${result.value.tlogIndex}` : ''}`);
    } else {
      failures.push(`${name}: ${renderError(result.reason)}`);
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

/** A fresh folder for downloads, recorded for deletion before anything is written in it. */
function toolsFolder(deps: GateDeps): string {
  const folder = mkdtempSync(join(deps.runner.env.RUNNER_TEMP ?? tmpdir(), 'keyless-tools-'));
  deps.cleanup?.record({ kind: 'path', path: folder });
  return folder;
}

async function verifyTool(tool: ToolSpec, trustedRoot: unknown, config: Config, deps: GateDeps, folder: string): Promise<VerifiedTool> {
  if (tool.url === undefined) return verifyFile(tool, resolve(deps.workspace, tool.path ?? ''), trustedRoot, config, deps);
  const dir = join(folder, tool.name);
  mkdirSync(dir);
  try {
    // The archive as released is what the pin and the signature cover: nothing reads it before they pass.
    const file = await downloadTool({ ...tool, url: tool.url }, dir, deps.http);
    const verified = await verifyFile(tool, file, trustedRoot, config, deps);
    if (tool.extract === 'none') {
      chmodSync(file, 0o755);
      if (tool.addToPath) deps.runner.addPath(dir);
      return verified;
    }
    // The download keeps its released name, which may itself be `extracted`.
    const unpacked = join(dir, basename(file) === 'extracted' ? 'unpacked' : 'extracted');
    await extractArchive(file, tool.extract, unpacked, { maxBytes: tool.maxExtractedBytes, maxEntries: tool.maxEntries });
    if (tool.addToPath) deps.runner.addPath(unpacked);
    return { ...verified, path: toPosixPath(unpacked) };
  } catch (error) {
    // A refused download goes at once, not at post: a later `if: always()` step must not find it.
    rmSync(dir, removeOptions());
    throw error;
  }
}

/** Every digest pin given must match, then the signature must cover that digest and meet the policy. */
async function verifyFile(tool: ToolSpec, file: string, trustedRoot: unknown, config: Config, deps: GateDeps): Promise<VerifiedTool> {
  if (!existsSync(file)) throw new KeylessError('TOOL_UNVERIFIED', `${toPosixPath(file)} does not exist`, { hint: 'check the path (relative to the workspace), or download the tool first' });
  const digests = await hashFile(file);
  const wrong = (['sha256', 'sha512'] as const).filter((algorithm) => tool[algorithm] !== undefined && tool[algorithm] !== digests[algorithm]);
  if (wrong.length > 0) {
    throw new KeylessError('TOOL_UNVERIFIED', wrong.map((algorithm) => `${algorithm} is ${digests[algorithm]}, the pin is ${tool[algorithm] ?? ''}`).join('; '), {
      hint: 'the file is not the version you pinned: a tag or download moved',
    });
  }
  const policy: SignerPolicy = {
    ...(tool.identity ? { identity: tool.identity } : {}),
    ...(tool.identityRegexp ? { identityRegexp: tool.identityRegexp } : {}),
    ...(tool.issuer ? { issuer: tool.issuer } : {}),
    ...(tool.key ? { key: readKey(resolve(deps.workspace, tool.key)) } : {}),
    // None named means none checked (checkExtensions), so a key-signed bundle passes without a certificate.
    extensions: tool.extensions,
  };
  const sha256 = Buffer.from(digests.sha256, 'hex');
  const { signature, evidence } = tool.bundle
    ? { signature: verifyBundle({ bundle: await loadBundle(tool.bundle, deps), artifact: { sha256 }, trustedRoot, policy }), evidence: `bundle ${tool.bundle}` }
    : await fromAttestations(tool, sha256, trustedRoot, policy, config, deps);
  if (tool.url === undefined && tool.addToPath) deps.runner.addPath(dirname(file));
  return {
    name: tool.name,
    digest: tool.sha512 ? `sha512:${digests.sha512}` : signature.digest,
    evidence,
    path: toPosixPath(file),
    ...(signature.identity ? { identity: signature.identity } : {}),
    ...(signature.issuer ? { issuer: signature.issuer } : {}),
    ...(signature.tlogIndex ? { tlogIndex: signature.tlogIndex } : {}),
  };
}

function readKey(path: string): KeyObject {
  const pem = evidence(path, 'key', 'key names a PEM public key file, relative to the workspace');
  try {
    return createPublicKey(pem);
  } catch (error) {
    throw new KeylessError('TOOL_UNVERIFIED', `key ${toPosixPath(path)} is not a readable public key (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, {
      hint: 'key names a PEM public key file, relative to the workspace',
      cause: error,
    });
  }
}

/** The first attestation that verifies and meets the provenance policy; each is checked as it arrives. */
async function fromAttestations(tool: ToolSpec, sha256: Buffer, trustedRoot: unknown, policy: SignerPolicy, config: Config, deps: GateDeps) {
  const repo = tool.attestations ?? '';
  const signature = await firstAttestation(repo, sha256.toString('hex'), { http: deps.http, runner: deps.runner, ...(config.githubToken ? { token: config.githubToken } : {}) }, (bundle) => {
    const verified = verifyBundle({ bundle, artifact: { sha256 }, trustedRoot, policy });
    checkProvenance(tool, verified);
    return verified;
  });
  return { signature, evidence: `attestation in ${repo}` };
}

async function loadBundle(location: string, deps: GateDeps): Promise<unknown> {
  if (!/^https?:\/\//.test(location)) return readJson(isAbsolute(location) ? location : resolve(deps.workspace, location), 'bundle');
  const url = parseEndpoint(location, 'bundle URL');
  const response = await deps.http.request({ method: 'GET', url, what: 'bundle download', headers: { accept: 'application/json' } });
  if (response.status !== 200) throw new KeylessError('TOOL_UNVERIFIED', `bundle ${url.href} answered HTTP ${response.status}`);
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    throw new KeylessError('TOOL_UNVERIFIED', `bundle ${url.href} is not JSON`);
  }
}

function readJson(path: string, what: 'bundle' | 'trusted-root'): unknown {
  if (!existsSync(path)) throw new KeylessError('TOOL_UNVERIFIED', `${what} ${toPosixPath(path)} does not exist`);
  const text = (
    what === 'bundle'
      ? evidence(path, 'bundle', 'bundle names a Sigstore bundle file, relative to the workspace, or an https URL')
      : evidence(path, 'trusted root', 'trusted-root names a Sigstore trusted root file, relative to the workspace', what)
  ).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new KeylessError('TOOL_UNVERIFIED', `${what} ${toPosixPath(path)} is not JSON`);
  }
}

/** An evidence file from the checkout, refused as this gate refuses a tool: TOOL_UNVERIFIED, the reason kept. */
function evidence(path: string, kind: Evidence, where: string, input: string = kind): Buffer {
  try {
    return readEvidence(path, kind, where, `${input} ${toPosixPath(path)}`);
  } catch (error) {
    if (!(error instanceof KeylessError)) throw error;
    throw new KeylessError('TOOL_UNVERIFIED', error.message, { cause: error, ...(error.hint === undefined ? {} : { hint: error.hint }) });
  }
}

/**
 * Only a regular file is hashed: a FIFO committed as the tool would hang the step (opened non-blocking, it
 * cannot), and a device such as /dev/zero would never end. The check is on what was opened, and the hash
 * reads that same descriptor. No size cap: the hash streams, and a download is already capped.
 */
async function hashFile(path: string): Promise<{ sha256: string; sha512: string }> {
  let fd: number;
  try {
    // Windows has no O_NONBLOCK: undefined, which `|` takes as 0.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new KeylessError('TOOL_UNVERIFIED', `cannot read ${toPosixPath(path)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new KeylessError('TOOL_UNVERIFIED', `${toPosixPath(path)} is not a regular file`, { hint: 'path names the tool itself, a regular file' });
  }
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  for await (const chunk of createReadStream('', { fd })) {
    sha256.update(chunk as Buffer);
    sha512.update(chunk as Buffer);
  }
  return { sha256: sha256.digest('hex'), sha512: sha512.digest('hex') };
}

