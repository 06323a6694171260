import type { KeylessError } from '../errors.js';

// Every command's help lives here, in a module with no imports at run time: `keyless --help` and
// `keyless <command> --help` print the same synopsis, and asking for help loads no command's code.

interface CommandHelp {
  /** What the command does, in a line or two for `keyless --help`. */
  summary: string;
  /** The synopsis, wrapped; continuation lines are indented relative to the first. */
  synopsis: string;
  /** The rest of `keyless <command> --help`: what it does in full, its options, its exit codes. */
  details: string;
}

export const COMMANDS = {
  verify: {
    summary: 'verify a Sigstore bundle for an artifact or digest against a signer policy',
    synopsis: `keyless verify --bundle FILE (--artifact FILE | --digest sha256:HEX) [--trusted-root FILE]
  ((--identity SAN | --identity-regexp RE) --issuer URL | --key PEMFILE) [--json]`,
    details: `Verifies a Sigstore bundle (v0.1-v0.3, message signature or DSSE/in-toto) offline.

  --bundle FILE           the bundle (.sigstore.json)
  --artifact FILE         the signed file, or
  --digest sha256:HEX     its digest
  --trusted-root FILE     a trusted_root.json; default: the Sigstore public-good root shipped with Keyless
  --identity SAN          the signing certificate's SAN, compared exactly, or
  --identity-regexp RE    a pattern the whole SAN must match
  --issuer URL            the OIDC issuer that vouched for the identity (required with either)
  --key PEMFILE           instead of an identity: a managed-key bundle signed with this public key
  --json                  print every outcome, usage errors included, as one JSON object on stdout:
                          {"verified":true,"digest",...} or {"verified":false,"code","error"}

exit codes: 0 verified, 1 not verified (the reason on stderr), 2 usage error`,
  },
  pins: {
    summary: 'report actions, reusable workflows and images not pinned to an immutable digest;\nrewrite them to pins (--fix) or check the pins through the GitHub API (--verify)',
    synopsis: `keyless pins [--policy strict] [--allow PATTERN[=any|ref-pin|hash-pin]]...
  [--format text|json|sarif] [--fix | --verify] [PATH...]
keyless pins (--github-org ORG | --github-repos FILE) [--concurrency N] [--checkpoint FILE]
  [--allow PATTERN[=P]]... [--format text|json|sarif]`,
    details: `PATH is a workflow or action file, scanned whatever its name, or a directory, searched at any depth
for .github/workflows/*.yml|yaml and action.yml|yaml (a directory that is itself .github/workflows
counts; node_modules and .git are skipped). No PATH: the current directory. Paths that hold no such
file are a usage error, never a pass.

  --policy strict         the policy: every reference needs a full commit SHA or an @sha256 digest. It
                          is the default and the only one (--allow relaxes it); accepted for scripts
  --allow PATTERN[=P]     trust *, owner/*, owner/repo, owner/repo/* or owner/repo/path with policy P:
                          any, ref-pin (the default) or hash-pin; repeatable, the most specific wins
  --format text|json|sarif
                          json: {"findings":[{"file","line","kind","ref"}]}, plus "errors" for files
                          not checked; sarif: SARIF 2.1.0 for code scanning. Every outcome, usage
                          errors included, is then printed in that format on stdout
  --fix                   rewrite each tag to its commit SHA (# tag comment) and each image to its
                          digest, in place, then scan again (GITHUB_TOKEN for the API; text only)
  --verify                also check each SHA pin through the GitHub API: impostor commits from a
                          fork network, version comments naming another commit (GITHUB_TOKEN)
  --github-org ORG        scan every repository of an organisation (or user) through the GitHub API
                          (GITHUB_API_URL, GITHUB_TOKEN or GH_TOKEN): .github/workflows/* and action.yml
                          at each default branch; archived repositories are skipped. Files are named
                          OWNER/REPO/PATH, and JSON findings carry "repository"
  --github-repos FILE     the same for the repositories FILE lists, one owner/name per line
  --concurrency N         repositories read at once (1-64, default 8); rate limits pause them all
  --checkpoint FILE       append each finished repository to FILE, and skip those it already holds:
                          run again with the same FILE to resume an interrupted scan

exit codes: 0 nothing unpinned, 1 findings or a file or check not completed, 2 usage error`,
  },
  secrets: {
    summary: 'list every stored secret the workflows read, say what each is, and print the Keyless entry\nthat replaces it',
    synopsis: `keyless secrets [--format text|json|sarif] [--fail-on none|low|medium|high] [PATH...]
keyless secrets (--github-org ORG | --github-repos FILE) [--concurrency N] [--checkpoint FILE] ...`,
    details: `PATH is a workflow or action file, scanned whatever its name, or a directory, searched at any depth
for .github/workflows/*.yml|yaml and action.yml|yaml, as keyless pins does. No PATH: the current
directory. Paths that hold no such file are a usage error, never a pass.

Each \${{ secrets.X }} (and secrets['X'], in any expression) in with:, env: (workflow, job, step),
run:, a reusable workflow's secrets: and container credentials is one finding per line and name;
secrets: inherit and the whole context (toJSON(secrets)) are findings named *; secrets.GITHUB_TOKEN is
the job's own token and not listed. Its kind (aws, gcp, azure, docker, npm, pypi, crates, rubygems,
vault, jfrog, github-pat, secrets-inherit, all-secrets, unknown) comes from the action input it feeds, else the variable it lands in, else the run command,
else its name; each finding says which, with the confidence of that rule.

Severity: high, a credential a Keyless entry replaces by federation; medium, a GitHub token (the job's
GITHUB_TOKEN with permissions may do), secrets: inherit or the whole context; low, a secret no provider replaces.

  --format text|json|sarif
                          json: {"findings":[{"file","line","secret","kind","replacement",...}]}, plus
                          "errors" for files not read; sarif: SARIF 2.1.0, one rule per kind. Every
                          outcome, usage errors included, is then printed in that format on stdout
  --fail-on LEVEL         exit 1 when a finding is at or above LEVEL: low (the default), medium,
                          high, or none to list without failing
  --github-org ORG, --github-repos FILE, --concurrency N, --checkpoint FILE
                          scan repositories through the GitHub API instead of paths, as keyless pins
                          does (see keyless pins --help); files are named OWNER/REPO/PATH

exit codes: 0 no finding at or above --fail-on, 1 such findings or a file not read, 2 usage error`,
  },
  exec: {
    summary: 'mint credentials for one command alone: in its environment and files, revoked and deleted\nwhen it exits; never exported to the job',
    synopsis: 'keyless exec [--credentials YAML | --policy-file FILE] [--id ENTRY]... -- COMMAND [ARGS...]',
    details: `Reads the same entries as the action and checks them the same way (every key, require-claims on the
runner token, the tools gate), mints the entries named with --id (every entry without it), and starts
COMMAND with the credentials in its environment and its files only: nothing reaches GITHUB_ENV or
step outputs. Every secret is masked before COMMAND starts, and COMMAND's output passes through as is.
When COMMAND exits, or is ended by a signal, or keyless exec is told to stop (SIGINT, SIGTERM and
SIGHUP are passed on to COMMAND), Keyless revokes what can be revoked and deletes what it wrote, then
exits with COMMAND's status. A failed check or exchange never starts COMMAND.

  --credentials YAML      the entries, as the action's credentials input (no policy file is read)
  --policy-file FILE      a policy file in the workspace, as the action's policy-file input
  --id ENTRY              mint this entry (repeatable); entries it builds on (from:) are minted for it
  (neither)               the entries a Keyless step of this job checked with export: exec
                          ($KEYLESS_EXEC_CONFIG), else .github/keyless.yml

Under GitHub Actions it writes its log lines and masks on stdout before COMMAND starts and after it
exits, a job-summary section and an audit record (the command's name, never its arguments); elsewhere
its lines go to stderr, and a subject-token-source other than the runner is needed.

exit codes: COMMAND's status (128 + the signal's number when a signal ended it), 1 when no command was
started (a failed check or exchange), 127 / 126 when COMMAND cannot be found / executed, 2 usage error`,
  },
  refresh: {
    summary: 'in a later step of a long job, renew the OIDC token files Keyless wrote (Azure mode: sdk,\nGCP credentials-file, AWS mode: web-identity) with fresh runner tokens, so SDKs that re-read them keep working',
    synopsis: 'keyless refresh [--file PATH] [--audience AUD] [--subject-token-source runner|file|env|spiffe ...]',
    details: `Renews the runner OIDC token files an earlier Keyless step wrote in this job: Azure's federated
token file (mode: sdk), the token file behind GCP's ADC config (credentials-file, the default) and AWS's web
identity token file (mode: web-identity). Each is
replaced atomically, 0600, with a fresh token for the audience of the token it held; Keyless mints no
cloud credential here, the SDKs exchange the file themselves. Needs the job's id-token: write.

  --file PATH             renew this file (your choice of path) instead of every file named in
                          $KEYLESS_REFRESH, which must lie in RUNNER_TEMP/keyless-*
  --audience AUD          request tokens for this audience instead of each file's own
  --subject-token-source runner|file|env|spiffe
                          where fresh tokens come from (default runner), with the entry keys of the
                          same names: --subject-token-file PATH (read again now, so a rotated
                          projected token is the one written), --subject-token-env NAME,
                          --spiffe-socket ADDRESS and --spiffe-id ID

exit codes: 0 renewed, 1 not renewed (no token file, a file outside Keyless's folders, ...), 2 usage error`,
  },
  demo: {
    summary: "run the action's main and post steps end to end against loopback fakes\nand print what a job log would show",
    synopsis: 'keyless demo',
    details: `Runs the built action's main and post steps against loopback fakes of the runner's OIDC service,
an RFC 8693 token server and Google's STS, prints what a job log would show, then scans everything the
run wrote for the secrets the fakes issued. Needs no network and no credentials.

exit codes: 0 both steps passed and nothing leaked, 1 otherwise, 2 usage error`,
  },
} as const satisfies Record<string, CommandHelp>;

export type Command = keyof typeof COMMANDS;

export function isCommand(name: string | undefined): name is Command {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/** `keyless --help`. */
export const USAGE = `usage: keyless <command> [options]
       keyless --version

commands:
${Object.entries(COMMANDS)
  .map(([name, { summary, synopsis }]) => `  ${name.padEnd(9)}${indent(summary, ' '.repeat(11))}\n           ${indent(synopsis, '           ')}`)
  .join('\n')}

keyless <command> --help describes a command and its options.
exit codes: 0 success, 1 failure, 2 usage error
`;

const usageLine = (command: Command) => `usage: ${indent(COMMANDS[command].synopsis, '     ')}`;

/** `keyless <command> --help`. */
export function commandHelp(command: Command): string {
  return `${usageLine(command)}\n\n${COMMANDS[command].details}\n`;
}

/** What a usage error prints in text: the problem, then the synopsis to fix it with. */
export function usageText(command: Command, error: KeylessError): string {
  const hint = error.hint === undefined ? '' : ` — ${error.hint}`;
  return `keyless ${command}: ${error.message}${hint}\n${usageLine(command)}\n(keyless ${command} --help for more)\n`;
}
