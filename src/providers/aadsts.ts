/** What to do about the AADSTS codes that federation setups hit. */
export const AADSTS_HINTS: Readonly<Record<string, string>> = {
  '700213': 'add a federated identity credential to the app registration whose issuer, subject and audience are exactly the token\'s iss, sub and aud above (audience api://AzureADTokenExchange by default)',
  '70021': 'the federated identity credential must match the token\'s issuer (no trailing slash), subject and audience exactly',
  '700024': 'the OIDC token expired before it was used; run `keyless refresh` before long steps (mode: sdk, or an az or Az PowerShell session)',
  '700016': 'client-id names no application in this tenant; check client-id and tenant-id',
  '90002': 'tenant-id names no tenant; check it, and environment (or authority-host) for sovereign clouds',
  '7000215': 'the app expects a client secret: it has no federated identity credential for this token',
};

/** The hint for the first AADSTS code in `text`, if Keyless knows one. */
export function aadstsHint(text: string): string | undefined {
  const code = /AADSTS(\d+)/.exec(text)?.[1];
  return code === undefined ? undefined : AADSTS_HINTS[code];
}
