import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxyAgentFor } from '../../../src/http/proxy.js';

// @actions/http-client loads undici eagerly (~100 ms of start-up): proxy.ts imports it only when a proxy
// applies. The factory below runs the first time anything imports the module, so it tells whether it was loaded.
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('@actions/http-client', async (importOriginal) => {
  loads.count++;
  return await importOriginal<typeof import('@actions/http-client')>();
});

const saved = { ...process.env };
afterEach(() => {
  for (const key of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) {
    if (saved[key] === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = saved[key];
  }
});

describe('the proxy client is loaded only when a proxy applies', () => {
  it('no proxy set, and a proxy that NO_PROXY or loopback bypasses: not loaded', async () => {
    for (const key of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) Reflect.deleteProperty(process.env, key);
    expect(await proxyAgentFor(new URL('https://sts.example.com/token'))).toBeUndefined();
    process.env.HTTPS_PROXY = 'http://proxy.internal:3128';
    process.env.NO_PROXY = '.corp.example';
    expect(await proxyAgentFor(new URL('https://sts.corp.example/token'))).toBeUndefined();
    expect(await proxyAgentFor(new URL('http://127.0.0.1:8080/token'))).toBeUndefined();
    expect(loads.count).toBe(0);
  });

  // Last: once loaded, a module stays loaded for the rest of this file.
  it('a proxy that applies: loaded, once', async () => {
    process.env.HTTPS_PROXY = 'http://proxy.internal:3128';
    const agent = (await proxyAgentFor(new URL('https://sts.example.com/token'))) as unknown as { proxyOptions?: { host: string } } | undefined;
    expect(agent?.proxyOptions?.host).toBe('proxy.internal');
    await proxyAgentFor(new URL('https://other.example.com/token'));
    expect(loads.count).toBe(1);
  });
});
