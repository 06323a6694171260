/** Names of the GitHub certificate-extension policies a tool entry may set; kept here, off the Sigstore import path. */
export const GITHUB_EXTENSION_NAMES = ['source-repository', 'source-ref', 'source-digest', 'build-signer-uri', 'runner-environment'] as const;

export type ToolExtension = (typeof GITHUB_EXTENSION_NAMES)[number];

export interface ToolSpec {
  name: string;
  path?: string;
  url?: URL;
  sha256?: string;
  sha512?: string;
  extract: 'none' | 'tar.gz' | 'zip';
  addToPath: boolean;
  /** Download cap in bytes. */
  maxBytes: number;
  /** Caps on what an archive unpacks to: total bytes of its files, and entries. */
  maxExtractedBytes: number;
  maxEntries: number;
  /** Deadline of the whole download, redirects and retries included. */
  timeoutMs: number;
  bundle?: string;
  attestations?: string;
  identity?: string;
  identityRegexp?: string;
  issuer?: string;
  key?: string;
  /** SLSA v1 provenance: the exact `runDetails.builder.id`. */
  builder?: string;
  extensions: Partial<Record<ToolExtension, string>>;
}

/** What the audit records of a verified tool. */
export interface VerifiedTool {
  name: string;
  digest: string;
  identity?: string;
  issuer?: string;
  tlogIndex?: string;
  evidence: string;
  /** Where the verified file or unpacked folder is, `/`-separated (as every path in the audit record). */
  path: string;
}
