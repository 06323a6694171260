import type { FieldReader } from '../config/fields.js';
import type { HttpClient } from '../http/client.js';
import type { IdToken } from '../runner/oidc.js';
import type { AzureSessionRequest } from '../sessions/azure-login.js';

export interface ExchangeContext {
  http: HttpClient;
  /** The subject token for this entry's audience: the runner's OIDC token, or what subject-token-source names. */
  idToken: IdToken;
  /** Must be called on every secret the moment it arrives, before it is used or returned. */
  mask(secret: string): void;
  /** `provider "id"`, for error messages. */
  subject: string;
  /** The runner's environment, for the variables a provider documents (`AWS_ENDPOINT_URL_STS`). */
  env: Readonly<Record<string, string | undefined>>;
  now(): number;
}

/**
 * The step outputs a provider may set for an entry, each named `<id>-<name>`: `public` ones whenever the
 * exchange yields the value, `secret` ones only with `export: outputs`. Declared with the provider so the
 * README can be checked against them without a run (test/unit/docs.test.ts), and a run's outputs against
 * them (test/e2e/outputs.test.ts). Every entry also sets `<id>-principal` (src/sinks/deliver.ts).
 */
export interface OutputNames {
  readonly public: readonly string[];
  readonly secret: readonly string[];
  /**
   * Secret outputs the entry's own keys name, documented as `<id>-` and this placeholder (a Vault entry's
   * `secrets`, one output each): set only with `export: outputs`, like `secret`.
   */
  readonly named?: string;
}

/** Output values by name; an object literal naming an undeclared output does not compile. */
export type OutputValues<Name extends string> = Readonly<string extends Name ? Record<string, string> : Partial<Record<Name, string>>>;

/** What one exchange minted. Nothing in `info` or `publicOutputs` may be secret. */
export interface Credential<Outputs extends OutputNames = OutputNames> {
  /** Variables the credential is used through (`export: env`); every value is masked. */
  env: Readonly<Record<string, string>>;
  /** Variables that are not secret (a region, a project id): exported with `export: env`, never masked. */
  publicEnv?: Readonly<Record<string, string>>;
  /**
   * Files the credential is used through, written 0600 in a private folder under RUNNER_TEMP; `env` names
   * the variable that receives the path. Files that name the same variable are one file, their contents
   * joined (profiles of one shared credentials file).
   */
  files?: readonly CredentialFile[];
  /** Secret step outputs, set only with `export: outputs`. */
  secretOutputs: OutputValues<Outputs['secret'][number]>;
  publicOutputs: OutputValues<Outputs['public'][number]>;
  info: CredentialInfo;
  /** Data the same provider needs to revoke it in the post step (it may hold the secret). */
  revoke?: RevokeHandle;
  /** A later step can renew it with `keyless refresh` (the step exports KEYLESS_CLI for that). */
  refreshable?: boolean;
  /** Why it cannot be revoked, for the post step's report, when `revoke` is absent. */
  irrevocable?: string;
  /** What an entry naming this one in `from:` builds on; never exported, logged or recorded. */
  handoff?: Handoff;
  /** CLI sessions to sign in to for later steps (az, Az PowerShell), after every exchange succeeded; never exported, logged or recorded. */
  session?: AzureSessionRequest;
  /** Things the step log should warn about though the exchange succeeded (a secret skipped by ignore-not-found); never secret. */
  notices?: readonly string[];
  /**
   * Variables an earlier step may have set that would take precedence over this credential in the tools
   * that read it (AWS keys over a token file or AWS_PROFILE): exported empty when the job has them and no
   * entry of this step sets them.
   */
  shadowedBy?: readonly string[];
}

/** A minted credential as another provider consumes it (a registry login from a cloud token). */
export type Handoff =
  | { kind: 'bearer'; provider: 'gcp' | 'azure' | 'github'; token: string; tenant?: string; expiresAt?: string }
  | { kind: 'aws'; accessKeyId: string; secretAccessKey: string; sessionToken: string; region: string; sessionName?: string };

export interface CredentialFile {
  /** The variable that receives the file's path; none for a file only another file refers to. */
  env?: string;
  /** Further variables that receive the same path: tools that look for one file under other names (gcloud, Google's actions). */
  aliases?: readonly string[];
  /** A public output the provider declares that receives the path too, as `<id>-<output>` for each entry in the file. */
  output?: string;
  name: string;
  /** The content, or a function of the paths of this credential's other files (a config naming a token file). */
  content: string | ((pathOf: (name: string) => string) => string);
  /**
   * How the contents of every entry's file for the same variable become one file: lines joined (default),
   * a Docker config.json whose folder the variable receives (the logins merged into the job's config), or an
   * .npmrc whose auth lines come before the job's earlier user config.
   */
  format?: 'lines' | 'docker-config' | 'npmrc';
  /** The file holds a runner OIDC token that `keyless refresh` renews in a later step (its path goes in KEYLESS_REFRESH). */
  oidcToken?: true;
}

export interface CredentialInfo {
  principal: string;
  scope?: string;
  /** ISO 8601, when the issuer said. */
  expiresAt?: string;
  tokenType?: string;
  /** Where the exchange happened (origin and path; never a query string). */
  endpoint: string;
  attempts: number;
  /** First 16 hex of the token's SHA-256, to correlate with the issuer's logs. */
  fingerprint: string;
  /** Secrets read with the credential (Vault), by where they came from and the name they were given; never a value. */
  secrets?: readonly SecretRead[];
  /**
   * For an entry built on another (`from:`), the principal of each hop, first to last, this one's
   * included: the runner token's exchange → … → this credential. Set by the exchange, not by providers.
   */
  chain?: readonly string[];
}

export interface SecretRead {
  path: string;
  /** The key, dotted path or selector that picked the value out of the answer. */
  key: string;
  name: string;
}

/**
 * What the post step needs to revoke one credential, the same shape for every provider: where to send the
 * revocation and what to present. Saved in step state by main; parsed and checked again in post
 * (src/runner/state.ts), since step state is input like any other. Only `token` and `refresh` are secret.
 */
export interface RevokeHandle {
  /** The revocation endpoint, or the service base URL the provider derives it from: https, or http on loopback. */
  endpoint: string;
  token: string;
  refresh?: string;
  clientId?: string;
  namespace?: string;
  /** How to reach a service behind a private CA or mutual TLS (PEM); `key` is secret. */
  tls?: { ca?: string; cert?: string; key?: string };
  /** Headers the service's gateway requires on every request (Vault's extra-headers); values may be secret. */
  headers?: Readonly<Record<string, string>>;
}

export type RevokeResult =
  | { status: 'revoked'; detail?: string }
  | { status: 'not-revocable'; detail: string }
  | { status: 'failed'; detail: string };

export interface RevokeContext {
  http: HttpClient;
}

/**
 * Something only one entry of a step may have (the AWS variables of the environment, a profile name):
 * a second entry with the same `key` is a configuration error, before any request.
 */
/** `env`: an entry's variables hold its values; `file`: `NAME_FILE` variables name files that hold them. */
export type VariablePlaces = ReadonlySet<'env' | 'file'>;

export interface ExclusiveClaim {
  key: string;
  /** The key the problem is reported on; the entry itself when none. */
  field?: string;
  /** What collides and what to do, given the earlier entry (`credentials[0]`). */
  message: (other: string) => string;
}

interface ProviderBase<Config, Outputs extends OutputNames> {
  readonly name: string;
  readonly outputs: Outputs;
  /** Reads and validates this provider's keys; returns undefined when a problem was reported. */
  read(fields: FieldReader, id: string): Config | undefined;
  revoke?(handle: RevokeHandle, ctx: RevokeContext): Promise<RevokeResult>;
  /** What the entry takes that no other entry may take too, given where its values go as variables (none: outputs alone). */
  exclusive?(config: Config, places: VariablePlaces): readonly ExclusiveClaim[];
}

/** One provider that exchanges the runner's OIDC token: its keys, its audience, its exchange and revocation. */
export interface Provider<Config = unknown, Outputs extends OutputNames = OutputNames> extends ProviderBase<Config, Outputs> {
  readonly derived?: undefined;
  /**
   * What an entry of this provider becomes when it has `from:`: the same `provider:` name, built on
   * another entry's credential instead of the runner token (an AWS role assumed with another role's keys).
   */
  readonly chained?: DerivedProvider;
  /** The `aud` of the runner token this provider's relying party expects by default. */
  defaultAudience(config: Config): string;
  exchange(config: Config, ctx: ExchangeContext): Promise<Credential<Outputs>>;
}

/** Another entry a derived provider builds on, and the providers that entry may be. */
export interface Upstream {
  id: string;
  providers: readonly string[];
}

export type DerivedContext = Omit<ExchangeContext, 'idToken'> & { upstream: Handoff };

/** A provider that takes no OIDC token: it builds on what another entry (`from:`) minted. */
export interface DerivedProvider<Config = unknown, Outputs extends OutputNames = OutputNames> extends ProviderBase<Config, Outputs> {
  readonly derived: true;
  upstream(config: Config): Upstream;
  exchange(config: Config, ctx: DerivedContext): Promise<Credential<Outputs>>;
}

export type AnyProvider = Provider | DerivedProvider;
