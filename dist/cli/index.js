/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 4543:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  p: () => (/* binding */ HOMEPAGE),
  x: () => (/* binding */ VERSION)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = /*#__PURE__*/JSON.parse('{"rE":"0.1.0","TB":"https://github.com/keyless/keyless"}');
;// CONCATENATED MODULE: ./src/about.ts

// package.json is the one place the version and the project's home are written: the bundler copies
// these two fields into dist/ (and nothing else from the manifest), so a release bump cannot miss one.
/** The package version `keyless --version` prints. */
const VERSION = package_namespaceObject.rE;
/** The project's home page, where reports (SARIF `informationUri`) send a reader for the rules. */
const HOMEPAGE = package_namespaceObject.TB;


/***/ }),

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CI: () => (/* binding */ usage),
/* harmony export */   EL: () => (/* binding */ REPORT_FORMATS),
/* harmony export */   I$: () => (/* binding */ exitCode),
/* harmony export */   WN: () => (/* binding */ formatAsked),
/* harmony export */   bQ: () => (/* binding */ parseFlags)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);


/** A command's flags, strictly: an unknown flag, a missing value or a stray argument is a USAGE error. */
function parseFlags(args, options, { positionals = false } = {}) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: [...args], options, strict: true, allowPositionals: positionals });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KeylessError */ .FM('USAGE', error instanceof Error ? error.message : String(error), { cause: error });
    }
}
function usage(message, hint) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KeylessError */ .FM('USAGE', message, hint === undefined ? {} : { hint });
}
/** The exit code every command uses for an error: 2 for a usage error, 1 for any other. */
function exitCode(error) {
    return error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KeylessError */ .FM && error.code === 'USAGE' ? 2 : 1;
}
/** The report formats `pins` and `secrets` print. */
const REPORT_FORMATS = ['text', 'json', 'sarif'];
/** The format a report was asked in, read leniently: flags that do not parse are reported in it too. */
function formatAsked(args) {
    const { format } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: [...args], options: { format: { type: 'string' } }, strict: false, allowPositionals: true }).values;
    return REPORT_FORMATS.find((f) => f === format) ?? 'text';
}


/***/ }),

/***/ 7485:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bD: () => (/* binding */ commandHelp),
/* harmony export */   tx: () => (/* binding */ usageText),
/* harmony export */   u_: () => (/* binding */ USAGE),
/* harmony export */   y9: () => (/* binding */ isCommand)
/* harmony export */ });
/* unused harmony export COMMANDS */
const COMMANDS = {
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
};
function isCommand(name) {
    return name !== undefined && Object.hasOwn(COMMANDS, name);
}
const indent = (text, by) => text.replace(/\n/g, `\n${by}`);
/** `keyless --help`. */
const USAGE = `usage: keyless <command> [options]
       keyless --version

commands:
${Object.entries(COMMANDS)
    .map(([name, { summary, synopsis }]) => `  ${name.padEnd(9)}${indent(summary, ' '.repeat(11))}\n           ${indent(synopsis, '           ')}`)
    .join('\n')}

keyless <command> --help describes a command and its options.
exit codes: 0 success, 1 failure, 2 usage error
`;
const usageLine = (command) => `usage: ${indent(COMMANDS[command].synopsis, '     ')}`;
/** `keyless <command> --help`. */
function commandHelp(command) {
    return `${usageLine(command)}\n\n${COMMANDS[command].details}\n`;
}
/** What a usage error prints in text: the problem, then the synopsis to fix it with. */
function usageText(command, error) {
    const hint = error.hint === undefined ? '' : ` — ${error.hint}`;
    return `keyless ${command}: ${error.message}${hint}\n${usageLine(command)}\n(keyless ${command} --help for more)\n`;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cv: () => (/* binding */ about),
/* harmony export */   FM: () => (/* binding */ KeylessError),
/* harmony export */   vr: () => (/* binding */ renderError)
/* harmony export */ });
/* unused harmony export ERROR_CODES */
/**
 * Every failure a user can hit is a KeylessError with a stable `code`: tests and scripts switch on the
 * code, people read `message` (what happened) and `hint` (what to do). Rendering happens once, at the edge.
 * A list, not only a type, so the README's Errors table can be checked against it (test/unit/docs.test.ts).
 */
const ERROR_CODES = (/* unused pure expression or super */ null && ([
    'INPUT_INVALID',
    'INPUT_TOO_LARGE',
    'OIDC_PERMISSION_MISSING',
    'OIDC_REQUEST_FAILED',
    'CLAIMS_REFUSED',
    'HTTP_INSECURE_URL',
    'HTTP_NETWORK',
    'HTTP_TIMEOUT',
    'HTTP_TOO_LARGE',
    'HTTP_STATUS',
    'HTTP_BAD_RESPONSE',
    'DISCOVERY_FAILED',
    'EXCHANGE_DENIED',
    'EXCHANGE_FAILED',
    'REVOKE_FAILED',
    'SIGNATURE_INVALID',
    'TOOL_UNVERIFIED',
    'POLICY_PIN_VIOLATION',
    'POLICY_SECRET_VIOLATION',
    'TRUST_ROOT_INVALID',
    'USAGE',
    'INCOMPLETE',
]));
class KeylessError extends Error {
    code;
    hint;
    subject;
    constructor(code, message, details = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.name = 'KeylessError';
        this.code = code;
        this.hint = details.hint;
        this.subject = details.subject;
    }
}
/** The error, naming the entry it happened in: errors from shared layers learn their subject late. */
function about(error, subject) {
    if (error.subject !== undefined)
        return error;
    return new KeylessError(error.code, error.message, { subject, cause: error.cause, ...(error.hint === undefined ? {} : { hint: error.hint }) });
}
/** `[CODE] subject: what happened — what to do`, on one line. */
function renderError(error) {
    if (error instanceof KeylessError) {
        const subject = error.subject === undefined ? '' : `${error.subject}: `;
        const hint = error.hint === undefined ? '' : ` — ${error.hint}`;
        return oneLine(`[${error.code}] ${subject}${error.message}${hint}`);
    }
    const message = error instanceof Error ? error.message : String(error);
    return oneLine(`[INTERNAL] ${message} — this is a Keyless bug; please report it with the step log`);
}
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ');
}


/***/ }),

/***/ 7474:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   WV: () => (/* binding */ displayText),
/* harmony export */   tJ: () => (/* binding */ inert),
/* harmony export */   wi: () => (/* binding */ inertLines)
/* harmony export */ });
// The one place where text from outside (a server's answer, a token's claims, a workflow file, a path,
// step state) becomes log text. The runner reads stdout and stderr line by line and runs any line that
// starts with `::` (after trimming white space) or holds `##[` (the legacy form) as a workflow command:
// `::add-mask::`, `::save-state::`, `::stop-commands::`… So outside text must never end a line or start
// a command. Every line Keyless prints passes through `inert`.
// CR, LF, CRLF end a line for the runner; NEL, LS, PS, VT and FF do for log viewers and editors.
const BREAKS = /[\r\n\v\f\u0085\u2028\u2029]+/g;
// Other C0/C1 controls (ANSI escapes can repaint or hide a line) and bidi overrides (can disguise one).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** One log line's worth of `text`: no line break, no control character, no workflow command. */
function inert(text) {
    return text
        .replace(BREAKS, ' ')
        .replace(CONTROLS, '\ufffd')
        .replace(/^(\s*):/, '$1\u00b7:')
        .replace(/##\[/g, '#\u00b7#[');
}
/** Text of many lines (a CLI report) made inert line by line; its own line ends are kept. */
function inertLines(text) {
    return text.split('\n').map(inert).join('\n');
}
/**
 * A display value from outside (a principal, a scope, a token type) as it may be shown, exported as an
 * output or recorded: one inert line of bounded length. A later step reads outputs through `${{ }}`,
 * where a line break would be script.
 */
function displayText(text, max = 512) {
    const line = inert(text).replace(/\t/g, ' ');
    return line.length > max ? `${line.slice(0, max)}…` : line;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = require("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = require("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = require("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 1943:
/***/ ((module) => {

module.exports = require("fs/promises");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = require("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = require("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = require("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = require("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = require("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = require("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = require("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = require("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 4649:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = require("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = require("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = require("node:stream/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = require("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = require("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = require("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = require("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = require("process");

/***/ }),

/***/ 3480:
/***/ ((module) => {

module.exports = require("querystring");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = require("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = require("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = require("util");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
__nccwpck_require__.r(__webpack_exports__);
/* harmony import */ var _about_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4543);
/* harmony import */ var _cli_args_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7593);
/* harmony import */ var _cli_usage_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7485);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/* harmony import */ var _runner_inert_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7474);





// Every byte the CLI prints passes through inertLines: it runs in workflow steps too (`keyless pins` in CI),
// where a finding quoted from a hostile workflow file must not become a workflow command.
const out = (text) => process.stdout.write((0,_runner_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .inertLines */ .wi)(text));
const err = (text) => process.stderr.write((0,_runner_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .inertLines */ .wi)(text));
/** `-h` or `--help` before any `--` asks for the command's help instead of running it. */
function asksForHelp(args) {
    const end = args.indexOf('--');
    return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '-h' || arg === '--help');
}
/** The CLI entry: each command is loaded only when asked for, so none pays for another's code. */
async function main(argv) {
    const [command, ...rest] = argv;
    if ((0,_cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .isCommand */ .y9)(command) && asksForHelp(rest)) {
        out((0,_cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .commandHelp */ .bD)(command));
        return 0;
    }
    switch (command) {
        case 'demo': {
            const { demo } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(322), __nccwpck_require__.e(665)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3665));
            return demo(rest, out);
        }
        case 'verify': {
            const { verifyCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(669), __nccwpck_require__.e(137)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1137));
            return verifyCommand(rest, { out, err });
        }
        case 'pins': {
            const { pinsCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(373), __nccwpck_require__.e(130), __nccwpck_require__.e(864)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5864));
            return pinsCommand(rest, { out, err }, process.env);
        }
        case 'secrets': {
            const { secretsCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(373), __nccwpck_require__.e(130), __nccwpck_require__.e(657)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1657));
            return secretsCommand(rest, { out, err }, process.env);
        }
        case 'exec': {
            const { execCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(373), __nccwpck_require__.e(184), __nccwpck_require__.e(145)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1145));
            return execCommand(rest, process.env);
        }
        case 'refresh': {
            const [{ refresh }, { createRunner }] = await Promise.all([Promise.all(/* import() */[__nccwpck_require__.e(373), __nccwpck_require__.e(184), __nccwpck_require__.e(177)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3177)), __nccwpck_require__.e(/* import() */ 327).then(__nccwpck_require__.bind(__nccwpck_require__, 5708))]);
            return refresh(rest, createRunner(process.env, (text) => process.stdout.write(text)));
        }
        case '-V':
        case '--version':
        case 'version':
            out(`keyless ${_about_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION */ .x}\n`);
            return 0;
        case '-h':
        case '--help':
        case 'help':
            out((0,_cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .isCommand */ .y9)(rest[0]) ? (0,_cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .commandHelp */ .bD)(rest[0]) : _cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .USAGE */ .u_);
            return 0;
        case undefined:
            err(_cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .USAGE */ .u_);
            return 2;
        default:
            err(`keyless: unknown command "${command}"\n${_cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .USAGE */ .u_}`);
            return 2;
    }
}
const argv = process.argv.slice(2);
main(argv).then((code) => {
    process.exitCode = code;
}, (error) => {
    // verify, pins and secrets report their own errors, in JSON when asked; these are refresh's and demo's.
    const [command] = argv;
    err(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .KeylessError */ .FM && error.code === 'USAGE' && (0,_cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .isCommand */ .y9)(command) ? (0,_cli_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .usageText */ .tx)(command, error) : `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .renderError */ .vr)(error)}\n`);
    process.exitCode = (0,_cli_args_js__WEBPACK_IMPORTED_MODULE_1__/* .exitCode */ .I$)(error);
});

module.exports = __webpack_exports__;
/******/ })()
;