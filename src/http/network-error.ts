import { KeylessError } from '../errors.js';

// What a failed connection becomes: a KeylessError that says which refusal it was and what to do.

/**
 * A TLS handshake the server or this client refused: a certificate that does not verify, or a server that
 * wants a client certificate. Trying again cannot change the answer, so it is not retried.
 */
export function isTlsRefusal(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && TLS_REFUSAL.test(code);
}

const TLS_REFUSAL = /^(ERR_SSL_|ERR_TLS_CERT|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT)/;

function tlsHint(code: string): string {
  if (/ALERT_(CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN)/.test(code)) {
    return 'the server refused the TLS handshake: it probably requires a client certificate it trusts (Vault: client-certificate and client-key)';
  }
  return "the server's TLS certificate did not verify: if a private CA signed it, give that CA to the entry (Vault: ca-certificate) or to Node in the job's NODE_EXTRA_CA_CERTS; check that the URL's host name is the one in the certificate";
}

/** `privateTls`: the request carried its own CA or client certificate, so a reset may be a refused certificate. */
export function asNetworkError(error: unknown, where: string, privateTls: boolean): KeylessError {
  if (error instanceof KeylessError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  if (code !== undefined && isTlsRefusal(error)) {
    return new KeylessError('HTTP_NETWORK', `${where} refused the TLS connection (${code})`, { hint: tlsHint(code), cause: error });
  }
  // Under TLS 1.3 a server checks the client certificate after the client thinks the handshake is done:
  // its refusal often reaches the client as a bare reset.
  if (code === 'ECONNRESET' && privateTls) {
    return new KeylessError('HTTP_NETWORK', `${where} closed the connection (ECONNRESET)`, {
      hint: 'a server that requires mutual TLS resets the connection when it does not trust the client certificate: give one its CA signed (Vault: client-certificate and client-key); else check the network and any proxy',
      cause: error,
    });
  }
  return new KeylessError('HTTP_NETWORK', `${where} could not be reached (${reason})`, {
    hint: 'check the URL, DNS and any proxy (HTTPS_PROXY/NO_PROXY) between the runner and the endpoint',
    cause: error,
  });
}
