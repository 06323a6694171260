import { oauthError } from './oauth-error.js';
import type { RevokeContext, RevokeHandle, RevokeResult } from './types.js';

/**
 * RFC 7009 revocation of the handle's token (and refresh token first, when there is one): 200 means
 * revoked or already invalid; `unsupported_token_type` means the issuer cannot revoke it.
 */
export async function revokeOAuthToken(handle: RevokeHandle, ctx: RevokeContext): Promise<RevokeResult> {
  const { endpoint, token, refresh, clientId } = handle;
  const url = new URL(endpoint);
  for (const [value, hint] of [[refresh, 'refresh_token'], [token, 'access_token']] as const) {
    if (!value) continue;
    const form = new URLSearchParams({ token: value, token_type_hint: hint });
    if (clientId) form.set('client_id', clientId);
    const response = await ctx.http.request({
      method: 'POST',
      url,
      what: 'revocation endpoint',
      // The handle's headers first: they may not replace the content type the body is sent as.
      headers: { ...handle.headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    if (response.status === 200) continue;
    const error = oauthError(response, `revocation endpoint ${url.origin}${url.pathname}`, undefined);
    // RFC 7009's `unsupported_token_type`, and Google's `invalid_token` for tokens it will not revoke.
    if (/: (unsupported_token_type|invalid_token)\b/.test(error.message)) return { status: 'not-revocable', detail: 'the issuer does not revoke this token type' };
    return { status: 'failed', detail: error.message };
  }
  return { status: 'revoked' };
}
