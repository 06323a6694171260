import type { Agent } from 'node:http';
import type { TlsOptions } from './client.js';

/** The variables getProxyUrl reads: with none of them set there is no proxy, and its module is not loaded. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

/**
 * The proxy agent for `url` when HTTPS_PROXY/HTTP_PROXY apply (NO_PROXY and loopback bypass them), else
 * undefined. The http client is imported only then: it loads undici eagerly, which costs a proxy-less
 * run ~100 ms of start-up for nothing.
 */
export async function proxyAgentFor(url: URL, tls: TlsOptions = {}, connect?: AbortSignal): Promise<Agent | undefined> {
  if (!PROXY_VARIABLES.some((name) => process.env[name])) return undefined;
  const { getProxyUrl } = await import('@actions/http-client/lib/proxy');
  const proxy = getProxyUrl(url);
  if (proxy === undefined || proxy.hostname === '') return undefined;
  const { HttpClient } = await import('@actions/http-client');
  const agent = new HttpClient('keyless').getAgent(url.href) as Agent & { options?: Record<string, unknown>; proxyOptions?: Record<string, unknown> };
  // The tunnel agent opens the TLS connection to the server with its own options, never the request's:
  // a private CA, a client certificate and the certificate check must be on the agent, which is this
  // request's alone.
  if (url.protocol === 'https:') agent.options = { ...agent.options, ...tls, rejectUnauthorized: true };
  // The tunnel agent sends its CONNECT with these options and gives it no timeout of its own: with the
  // signal, the attempt that gives up ends the CONNECT too (tunnel then fails the request, once).
  if (connect !== undefined && agent.proxyOptions !== undefined) agent.proxyOptions = { ...agent.proxyOptions, signal: connect };
  return agent;
}
