import { describe, expect, it } from 'vitest';
import { envNameProblem, envNameRefusal, serverNameProblem } from '../../../src/config/env-names.js';

describe('export-env names', () => {
  it.each([
    'PATH', 'Path', 'BASH_ENV', 'ENV', 'NODE_OPTIONS', 'LD_PRELOAD', 'LD_LIBRARY_PATH', 'DYLD_INSERT_LIBRARIES', 'GITHUB_TOKEN', 'GITHUB_ENV',
    'RUNNER_TEMP', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'INPUT_CREDENTIALS', 'STATE_X', 'CI', 'HOME', 'SHELL', 'SHELLOPTS', 'PS4', 'PROMPT_COMMAND',
    'IFS', 'PYTHONPATH', 'PYTHONSTARTUP', 'PERL5OPT', 'RUBYOPT', 'JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'GIT_SSH_COMMAND', 'GIT_CONFIG_COUNT',
    'GIT_ASKPASS', 'NPM_CONFIG_SCRIPT_SHELL', 'npm_config_script_shell', 'HTTPS_PROXY', 'https_proxy', 'KEYLESS_REFRESH',
  ])('refuses %s, with a reason', (name) => {
    expect(envNameRefusal(name)?.length).toBeGreaterThan(20);
  });

  it.each([
    'OPENSSL_CONF', 'OPENSSL_MODULES', 'GCONV_PATH', 'LUA_INIT', 'LUA_INIT_5_4', 'PHPRC', 'RUSTC', 'CARGO_BUILD_RUSTC_WRAPPER',
    'CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUNNER', 'AWS_CONFIG_FILE', 'KUBECONFIG',
  ])('refuses %s, through which a later program loads or runs code', (name) => {
    expect(envNameRefusal(name)?.length).toBeGreaterThan(20);
  });

  it.each([
    'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_STS', 'aws_ca_bundle', 'DOCKER_HOST', 'CONTAINER_HOST', 'CONTAINER_CONNECTION', 'TWINE_REPOSITORY_URL',
    'PIP_INDEX_URL', 'UV_INDEX_URL', 'GH_HOST', 'AZURE_AUTHORITY_HOST', 'CARGO_REGISTRIES_ACME_INDEX', 'GOPROXY', 'GONOSUMDB', 'CC', 'CXX',
  ])('refuses %s, which sends later requests (and their credentials) or builds elsewhere', (name) => {
    expect(envNameRefusal(name)?.length).toBeGreaterThan(20);
  });

  it.each(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY', 'no_proxy', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'CURL_CA_BUNDLE', 'REQUESTS_CA_BUNDLE', 'NODE_EXTRA_CA_CERTS', 'NODE_TLS_REJECT_UNAUTHORIZED'])(
    'refuses %s, which routes the traffic of later steps or chooses the certificates they trust',
    (name) => {
      expect(envNameRefusal(name)?.length).toBeGreaterThan(20);
    },
  );

  it.each(['A=B', 'A<<B', 'A B', '1A', 'A\nB', 'A-B', '', 'A'.repeat(129)])('refuses %j, which is no variable name (GITHUB_ENV would split or reject it)', (name) => {
    expect(envNameProblem(name)).toMatch(/not a variable name/);
  });

  it.each(['NPM_CONFIG', 'GIT', 'LD', 'BASH'])('refuses %s, whose NAME_FILE (export: file) later programs read', (name) => {
    expect(envNameRefusal(name)).toBeUndefined();
    expect(envNameProblem(name)?.length).toBeGreaterThan(20);
  });

  it.each(['GH_TOKEN', 'KEYLESS_TOKEN', 'NODE_AUTH_TOKEN', 'VAULT_TOKEN', 'MY_PATH', 'PATHS', 'CIRCLE', 'GITHUBTOKEN', 'DEPLOY_TOKEN'])('accepts %s', (name) => {
    expect(envNameRefusal(name)).toBeUndefined();
  });
});

// A Vault `*` names variables after the server's keys: whoever can write the secret chooses them.
describe('names a server chose', () => {
  it.each(['AWS_PROFILE', 'AWS_REGION', 'Azure_Client_Id', 'ARM_TENANT_ID', 'GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT', 'DOCKER_CONFIG', 'CONTAINER_SSHKEY', 'CONTAINERS_CONF', 'TWINE_USERNAME', 'CARGO_HOME', 'GH_REPO', 'JF_URL', 'VAULT_ADDR', 'NPM_TOKEN', 'KUBE_EDITOR', 'SSH_AUTH_SOCK', 'AWS'])(
    'refuses %s, in a namespace other tools read endpoints or credentials from',
    (name) => {
      expect(serverNameProblem(name)).toBe("a server's key may not choose a name other tools read their endpoints or credentials from");
    },
  );

  it.each(['SONAR_HOST_URL', 'OPENAI_BASE_URL', 'openai_api_base', 'ANTHROPIC_BASE_URL', 'GITLAB_API_URL', 'SENTRY_ENDPOINT_URL', 'ARTIFACTORY_REGISTRY_URL', 'HTTPX_PROXY', 'MY_CA_BUNDLE', 'JAVA_HOME', 'GRADLE_USER_HOME'])(
    'refuses %s, shaped like a tool\'s endpoint, certificates or program folder',
    (name) => {
      expect(serverNameProblem(name)).toBe("a server's key may not choose a name shaped like a tool's endpoint, trusted certificates or program folder");
    },
  );

  it.each(['APP_AWS_REGION', 'DB_PASSWORD', 'AWSOME', 'GOAL', 'DATABASE_URL', 'REDIS_URL', 'SONAR_TOKEN', 'HOSTNAME_SUFFIX', 'DB_HOST', 'SMTP_HOST', 'S3_ENDPOINT', 'S3_PREFIX', 'OUTPUT_DIR', 'CERT_PATH', 'DOCKERFILE_PATH', 'TOOL_BIN'])('accepts %s', (name) => {
    expect(serverNameProblem(name)).toBeUndefined();
  });

  // The user's prefix is part of the name a tool reads: OPENAI_ + a server's BASE_URL is OPENAI_BASE_URL.
  it("checks the shape of the whole name, the user's prefix included", () => {
    expect(serverNameProblem('OPENAI_BASE_URL')).toContain("shaped like a tool's endpoint");
    expect(serverNameProblem('APP_DB_HOST')).toBeUndefined();
  });

  it('still refuses what no entry may export', () => {
    expect(serverNameProblem('LD_PRELOAD')).toContain('dynamic loader');
  });
});

