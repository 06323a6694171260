import { describe, expect, it } from 'vitest';
import { metadataUrls } from '../../../src/providers/oauth-metadata.js';

describe('metadataUrls', () => {
  it('inserts the RFC 8414 well-known segment before the issuer path, and appends the OpenID one', () => {
    expect(metadataUrls(new URL('https://as.example.com/tenant/1')).map(String)).toEqual([
      'https://as.example.com/.well-known/oauth-authorization-server/tenant/1',
      'https://as.example.com/tenant/1/.well-known/openid-configuration',
    ]);
  });

  it('handles an issuer without a path', () => {
    expect(metadataUrls(new URL('https://as.example.com/')).map(String)).toEqual([
      'https://as.example.com/.well-known/oauth-authorization-server',
      'https://as.example.com/.well-known/openid-configuration',
    ]);
  });
});
