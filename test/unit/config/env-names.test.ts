import { describe, expect, it } from 'vitest';
import { envNameRefusal } from '../../../src/config/env-names.js';

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

  it.each(['GH_TOKEN', 'KEYLESS_TOKEN', 'NODE_AUTH_TOKEN', 'VAULT_TOKEN', 'MY_PATH', 'PATHS', 'CIRCLE', 'GITHUBTOKEN', 'DEPLOY_TOKEN'])('accepts %s', (name) => {
    expect(envNameRefusal(name)).toBeUndefined();
  });
});
