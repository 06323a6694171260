// Variables an entry may not export (`export-env`, or the name derived from its id): each would change
// how every later step of the job runs, or belongs to the runner. Policy as data, one reason per rule;
// names are compared upper-cased, because Windows runners read `Path` as `PATH`.

export interface EnvNameRule {
  pattern: RegExp;
  reason: string;
}

const rule = (names: string, reason: string): EnvNameRule => ({ pattern: new RegExp(`^(${names})$`), reason });

export const ENV_NAME_RULES: readonly EnvNameRule[] = [
  rule('PATH|PATHEXT|CDPATH', 'it decides which program every later command runs'),
  rule('BASH_.*|ENV|SHELL|SHELLOPTS|BASHOPTS|PS4|PROMPT_COMMAND|IFS|GLOBIGNORE|ZDOTDIR|COMSPEC|PSMODULEPATH', 'the shells of later steps read it at start-up, and several of these run commands'),
  rule('LD_.*|DYLD_.*', 'the dynamic loader preloads libraries from it into every later process'),
  rule('NODE_OPTIONS|NODE_PATH|NODE_EXTRA_CA_CERTS|NODE_TLS_REJECT_UNAUTHORIZED', 'Node.js reads it in every later node process, actions included (code to load, or certificates to trust)'),
  rule('PYTHONPATH|PYTHONSTARTUP|PYTHONHOME|PYTHONUSERBASE|PYTHONINSPECT|PYTHONBREAKPOINT|PYTHONWARNINGS', 'Python imports or runs code from it'),
  rule('PERL5OPT|PERL5LIB|PERLLIB|PERL5DB|RUBYOPT|RUBYLIB', 'Perl or Ruby loads code from it'),
  rule('JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|CLASSPATH|MAVEN_OPTS|GRADLE_OPTS', 'every JVM (or Maven, Gradle) takes options or classes from it'),
  rule('DOTNET_STARTUP_HOOKS|CORECLR_.*|COR_.*', '.NET loads code from it'),
  rule('GIT_.*', 'git reads GIT_* variables, several of which run commands (GIT_SSH_COMMAND, GIT_ASKPASS, GIT_EXTERNAL_DIFF) or inject configuration (GIT_CONFIG_*)'),
  rule('NPM_CONFIG_.*', 'npm reads its configuration from it, and settings such as script-shell and node-options run commands'),
  rule('GOPROXY|GOSUMDB|GONOSUMDB|GONOSUMCHECK|GOINSECURE|GOPRIVATE|GONOPROXY', 'the Go tool chain fetches modules from it, or skips checking them'),
  rule('GOFLAGS|RUSTC|RUSTC_WRAPPER|RUSTC_WORKSPACE_WRAPPER|CARGO_BUILD_RUSTC.*|CARGO_TARGET_.*_RUNNER', 'the Go or Rust tool chain runs commands named in it'),
  rule('OPENSSL_CONF|OPENSSL_ENGINES|OPENSSL_MODULES|GCONV_PATH|LUA_INIT|LUA_INIT_5_\\d|PHPRC|PHP_INI_SCAN_DIR', 'OpenSSL, glibc\'s iconv, Lua or PHP load code or configuration that runs code from it'),
  rule('AWS_CONFIG_FILE|KUBECONFIG', 'it names a configuration file whose settings run commands (credential_process, exec plugins)'),
  rule('EDITOR|VISUAL|PAGER|MANPAGER|GIT_PAGER|BROWSER|LESSOPEN|LESSCLOSE|SSH_ASKPASS|CC|CXX|CPP|AR|MAKEFLAGS', 'tools run the command it names'),
  rule('HTTP_PROXY|HTTPS_PROXY|ALL_PROXY|NO_PROXY|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE', 'it decides where the traffic of later steps goes, or which certificates they trust'),
  rule(
    'AWS_ENDPOINT_URL(?:_.*)?|AWS_CA_BUNDLE|AWS_SHARED_CREDENTIALS_FILE|DOCKER_HOST|DOCKER_CONTEXT|CONTAINER_HOST|CONTAINER_CONNECTION|DOCKER_CERT_PATH|DOCKER_TLS_VERIFY|TWINE_REPOSITORY(?:_URL)?|PIP_(?:EXTRA_)?INDEX_URL|UV_(?:EXTRA_|DEFAULT_)?INDEX(?:_URL)?|UV_PUBLISH_URL|CLOUDSDK_API_ENDPOINT_OVERRIDES_.*|AZURE_AUTHORITY_HOST|GH_HOST|CARGO_REGISTRIES_.*|CARGO_REGISTRY_INDEX',
    'it sends the requests of later steps, with the credentials other entries hand out, to another server',
  ),
  rule('HOME|USERPROFILE|XDG_CONFIG_HOME|TMPDIR', 'tools read their configuration (which may run commands) or write their files there'),
  rule('GITHUB_.*|RUNNER_.*|ACTIONS_.*|INPUT_.*|STATE_.*|CI', 'it belongs to the runner: later steps and actions rely on its value'),
  rule('KEYLESS_(?:REFRESH|CLI|EXEC_CONFIG)|AZURE_CONFIG_DIR', 'Keyless sets it for its own commands (or for the az session it signs in)'),
];

/** Why an entry may not export `name`, or undefined when it may. */
export function envNameRefusal(name: string): string | undefined {
  const upper = name.toUpperCase();
  return ENV_NAME_RULES.find((r) => r.pattern.test(upper))?.reason;
}

/**
 * The prefixes other tools read their endpoints, credentials and settings from. A name a server's key
 * makes (a Vault `*`) may not start with one: whoever can write that secret would otherwise choose, say,
 * AWS_ENDPOINT_URL_STS or DOCKER_HOST and receive what other entries hand out. A name the user writes,
 * or a `*` under a prefix of the user's (`name: APP_`), is the user's choice and only meets the rules above.
 */
const TOOL_NAMESPACES = /^(?:AWS|AZURE|ARM|MSI|IDENTITY|GOOGLE|CLOUDSDK|GCLOUD|GCE|DOCKER|BUILDX|BUILDKIT|CONTAINERS?|REGISTRY|PODMAN|TWINE|PIP|UV|PYPI|CARGO|RUSTUP|GH|GITHUB|JF|JFROG|VAULT|BAO|NPM|YARN|PNPM|NODE|GEM|BUNDLE|RUBYGEMS|KUBE|KUBECTL|HELM|TF_CLI|TF_PLUGIN|SSH|GPG|GNUPG|SIGSTORE|COSIGN|KEYLESS)(?:_|$)/;

/**
 * Outside those namespaces, the shapes tools of every vendor give an endpoint (SONAR_HOST_URL,
 * OPENAI_BASE_URL), the certificates to trust, or the folder programs run from (JAVA_HOME). Checked on the
 * whole name, the user's prefix included: `OPENAI_` + a key `BASE_URL` is OPENAI_BASE_URL all the same.
 * Plain settings stay: DB_HOST, DATABASE_URL, OUTPUT_DIR.
 */
const TOOL_SETTING_SHAPES = /_(?:HOST_URL|BASE_URL|API_BASE|API_URL|SERVER_URL|INDEX_URL|ENDPOINT_URL|REGISTRY_URL|PROXY|CA_BUNDLE|CA_CERTS?|CA_FILE|CA_PATH|HOME)$/;

/** Why a name a server chose (a Vault wildcard's key, after the user's prefix) may not be exported, or undefined when it may. */
export function serverNameProblem(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (TOOL_NAMESPACES.test(upper)) return 'a server\'s key may not choose a name other tools read their endpoints or credentials from';
  if (TOOL_SETTING_SHAPES.test(upper)) return 'a server\'s key may not choose a name shaped like a tool\'s endpoint, trusted certificates or program folder';
  return envNameProblem(name);
}

/** A variable name as every shell and the runner take it. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/**
 * Why an entry may not export `name`: not a variable name, or refused above (itself, or the NAME_FILE that
 * `export: file` adds). Undefined when it may.
 */
export function envNameProblem(name: string): string | undefined {
  if (!ENV_NAME.test(name)) return 'it is not a variable name (letters, digits and _, not starting with a digit)';
  return envNameRefusal(name) ?? envNameRefusal(`${name}_FILE`);
}
