import { execFile } from 'node:child_process';
import { chmodSync, createWriteStream, mkdirSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { KeylessError } from '../../errors.js';
import { assertSecure } from '../../http/url.js';
import type { GateDeps } from './gate.js';
import type { ToolSpec } from './types.js';

const MAX_REDIRECTS = 5;

/**
 * Downloads a tool over https into RUNNER_TEMP (release downloads redirect; every hop is re-checked),
 * capped in size, then extracts it with the system tar/unzip. Returns the downloaded file, which the
 * pin covers, and what to run.
 */
export async function fetchTool(tool: ToolSpec, deps: GateDeps): Promise<{ pinned: string; usable: string }> {
  const { maxBytes } = tool;
  const url = tool.url as URL;
  const dir = join(deps.runner.env.RUNNER_TEMP ?? deps.workspace, 'keyless-tools', tool.name);
  mkdirSync(dir, { recursive: true });
  const pinned = join(dir, basename(url.pathname) || tool.name);
  const response = await follow(url, MAX_REDIRECTS);
  const declared = Number(response.headers['content-length'] ?? Number.NaN);
  if (declared > maxBytes) {
    response.destroy();
    throw tooLarge(url, maxBytes);
  }
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) response.destroy(tooLarge(url, maxBytes));
  });
  await pipeline(response, createWriteStream(pinned, { mode: 0o755 }));
  if (!response.complete) throw new KeylessError('TOOL_UNVERIFIED', `the download of ${url.href} was cut off`);
  if (tool.extract === 'none') {
    chmodSync(pinned, 0o755);
    return { pinned, usable: pinned };
  }
  const target = join(dir, 'extracted');
  mkdirSync(target, { recursive: true });
  const [command, args] = tool.extract === 'zip' ? ['unzip', ['-q', '-o', pinned, '-d', target]] : ['tar', ['-xzf', pinned, '-C', target]];
  // Extraction happens before verification on purpose: nothing extracted runs before the pin is checked.
  await promisify(execFile)(command, args);
  return { pinned, usable: target };
}

function follow(url: URL, redirects: number): Promise<IncomingMessage> {
  assertSecure(url, 'tool url');
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', timeout: 60_000, headers: { 'user-agent': 'keyless' } }, (res) => {
      const location = res.headers.location;
      if (res.statusCode !== undefined && res.statusCode >= 300 && res.statusCode < 400 && location) {
        res.resume();
        if (redirects === 0) {
          reject(new KeylessError('TOOL_UNVERIFIED', `${url.origin} redirected too many times`));
        } else {
          follow(new URL(location, url), redirects - 1).then(resolve, reject);
        }
        return;
      }
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new KeylessError('TOOL_UNVERIFIED', `downloading ${url.origin}${url.pathname} answered HTTP ${res.statusCode ?? 0}`, { hint: 'check the url and that the release exists' }));
      }
      resolve(res);
    });
    req.on('timeout', () => req.destroy(new KeylessError('HTTP_TIMEOUT', `downloading ${url.origin}${url.pathname} stalled`)));
    req.on('error', reject);
    req.end();
  });
}

function tooLarge(url: URL, maxBytes: number): KeylessError {
  return new KeylessError('TOOL_UNVERIFIED', `${url.origin}${url.pathname} is larger than ${maxBytes} bytes`, { hint: 'the download is not the tool you pinned' });
}
