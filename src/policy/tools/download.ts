import { basename, join } from 'node:path';
import { KeylessError } from '../../errors.js';
import type { HttpClient } from '../../http/client.js';
import { assertSecure } from '../../http/url.js';
import type { ToolSpec } from './types.js';

const MAX_REDIRECTS = 5;

/**
 * Downloads a tool into `dir` through the project's HTTP client (proxy, retries, size cap, https-only
 * except loopback), following the redirects a release download takes; every hop is re-checked, and the
 * whole download, redirects and retries included, ends within the tool's deadline. Returns the file,
 * which the pin covers: nothing reads it as an archive before its digest matches.
 */
export async function downloadTool(tool: ToolSpec & { url: URL }, dir: string, http: HttpClient): Promise<string> {
  const file = join(dir, basename(tool.url.pathname) || tool.name);
  const deadline = Date.now() + tool.timeoutMs;
  let url = tool.url;
  for (let hop = 0; ; hop++) {
    const left = deadline - Date.now();
    if (left <= 0) throw overdue(tool);
    const response = await http
      .request({ method: 'GET', url, what: 'tool download', maxBytes: tool.maxBytes, deadlineMs: left, saveTo: file })
      .catch((error: unknown) => {
        throw error instanceof KeylessError && error.code === 'HTTP_TIMEOUT' ? overdue(tool, error) : error;
      });
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && location) {
      if (hop === MAX_REDIRECTS) throw new KeylessError('TOOL_UNVERIFIED', `${tool.url.origin} redirected more than ${MAX_REDIRECTS} times`);
      url = redirectTarget(location, url);
      continue;
    }
    if (response.status !== 200) {
      throw new KeylessError('TOOL_UNVERIFIED', `downloading ${url.origin}${url.pathname} answered HTTP ${response.status}`, { hint: 'check the url and that the release exists' });
    }
    return file;
  }
}

/** Each hop is checked as the first was: a release may not bounce the download onto plain http. */
function redirectTarget(location: string, from: URL): URL {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new KeylessError('TOOL_UNVERIFIED', `${from.origin} redirected to an unreadable location`, { hint: 'the download server is misbehaving; check the url' });
  }
  assertSecure(target, 'tool download redirect');
  return target;
}

function overdue(tool: ToolSpec & { url: URL }, cause?: unknown): KeylessError {
  return new KeylessError('HTTP_TIMEOUT', `the download of ${tool.url.origin}${tool.url.pathname} did not finish within ${tool.timeoutMs / 1000} s`, {
    hint: 'the server is too slow or stalled; raise the tool\'s timeout (default 5m) if the file is large',
    ...(cause === undefined ? {} : { cause }),
  });
}
