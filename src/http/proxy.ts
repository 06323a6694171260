import type { Agent } from 'node:http';
import { getProxyUrl } from '@actions/http-client/lib/proxy';

/**
 * The proxy agent for `url` when HTTPS_PROXY/HTTP_PROXY apply (NO_PROXY and loopback bypass them), else
 * undefined. The http client is imported only then: it loads undici eagerly, which costs a proxy-less
 * run ~100 ms of start-up for nothing.
 */
export async function proxyAgentFor(url: URL): Promise<Agent | undefined> {
  const proxy = getProxyUrl(url);
  if (proxy === undefined || proxy.hostname === '') return undefined;
  const { HttpClient } = await import('@actions/http-client');
  return new HttpClient('keyless').getAgent(url.href);
}
