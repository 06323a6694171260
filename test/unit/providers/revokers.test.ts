import { describe, expect, it } from 'vitest';
import { providers } from '../../../src/providers/catalog.js';
import { revokers } from '../../../src/providers/revokers.js';

// The post step revokes through src/providers/revokers.ts so that it loads only the providers a job used;
// it must revoke exactly what each provider declares, or a credential would outlive its job.

describe('the post step\'s revocations', () => {
  it.each(Object.entries(providers))('%s: the very revoke the provider declares, or none', async (name, provider) => {
    const load = Object.hasOwn(revokers, name) ? revokers[name] : undefined;
    const declared = 'revoke' in provider ? (provider as { revoke: unknown }).revoke : undefined;
    expect(load === undefined ? undefined : await load()).toBe(declared);
  });

  it('names no provider the catalog does not have', () => {
    expect(Object.keys(revokers).filter((name) => !Object.hasOwn(providers, name))).toEqual([]);
  });
});
