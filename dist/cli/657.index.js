"use strict";
exports.id = 657;
exports.ids = [657];
exports.modules = {

/***/ 7663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ fingerprint)
/* harmony export */ });
/**
 * First 16 hex of a token's SHA-256: lets an operator match the audit record to the issuer's logs
 * without the record holding anything usable. node:crypto loads here, not at start-up.
 */
async function fingerprint(token) {
    const { createHash } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7598, 23));
    return createHash('sha256').update(token).digest('hex').slice(0, 16);
}


/***/ }),

/***/ 1657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  secretsCommand: () => (/* binding */ secretsCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/os/paths.ts
var paths = __webpack_require__(6186);
// EXTERNAL MODULE: ./src/policy/pins/files.ts
var pins_files = __webpack_require__(7260);
;// CONCATENATED MODULE: ./src/policy/secrets/rules.ts
/** What a stored secret is, by the Keyless provider that replaces it. */
const KINDS = ['aws', 'gcp', 'azure', 'docker', 'npm', 'pypi', 'crates', 'rubygems', 'vault', 'jfrog', 'github-pat', 'secrets-inherit', 'all-secrets', 'unknown'];
const RULES = [
    { on: 'input', action: 'aws-actions/configure-aws-credentials', inputs: ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'], kind: 'aws', confidence: 'high' },
    { on: 'input', action: 'google-github-actions/auth', inputs: ['credentials_json'], kind: 'gcp', confidence: 'high' },
    { on: 'input', action: 'google-github-actions/setup-gcloud', inputs: ['service_account_key'], kind: 'gcp', confidence: 'high' },
    { on: 'input', action: 'azure/login', inputs: ['creds', 'client-secret'], kind: 'azure', confidence: 'high' },
    { on: 'input', action: 'docker/login-action', inputs: ['password', 'username'], kind: 'docker', confidence: 'high' },
    { on: 'input', action: 'azure/docker-login', inputs: ['password'], kind: 'docker', confidence: 'high' },
    { on: 'input', action: 'pypa/gh-action-pypi-publish', inputs: ['password'], kind: 'pypi', confidence: 'high' },
    { on: 'input', action: 'rubygems/configure-rubygems-credentials', inputs: ['api-token'], kind: 'rubygems', confidence: 'high' },
    { on: 'input', action: 'katyo/publish-crates', inputs: ['registry-token'], kind: 'crates', confidence: 'high' },
    { on: 'input', action: 'JS-DevTools/npm-publish', inputs: ['token'], kind: 'npm', confidence: 'high' },
    { on: 'input', action: 'actions/checkout', inputs: ['token', 'ssh-key'], kind: 'github-pat', confidence: 'high' },
    { on: 'input', action: 'peter-evans/create-pull-request', inputs: ['token', 'branch-token'], kind: 'github-pat', confidence: 'high' },
    { on: 'input', action: 'actions/github-script', inputs: ['github-token'], kind: 'github-pat', confidence: 'high' },
    { on: 'input', action: 'hashicorp/vault-action', inputs: ['token', 'roleId', 'secretId', 'githubToken', 'password'], kind: 'vault', confidence: 'high' },
    { on: 'any-input', inputs: /^(github[-_]?token|gh[-_]?token|repo[-_]?token|pat)$/i, kind: 'github-pat', confidence: 'medium' },
    { on: 'env', names: /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)$/i, kind: 'aws', confidence: 'high' },
    { on: 'env', names: /^(GOOGLE_(APPLICATION_)?CREDENTIALS(_JSON)?|GCP_(SA_)?KEY|GCLOUD_SERVICE_KEY|CLOUDSDK_AUTH_ACCESS_TOKEN)$/i, kind: 'gcp', confidence: 'high' },
    { on: 'env', names: /^(ARM|AZURE)_CLIENT_SECRET$|^AZURE_CREDENTIALS$/i, kind: 'azure', confidence: 'high' },
    { on: 'env', names: /^(NPM_TOKEN|NODE_AUTH_TOKEN|NPM_CONFIG__AUTH(TOKEN)?)$/i, kind: 'npm', confidence: 'high' },
    { on: 'env', names: /^CARGO_REGISTR(Y|IES_CRATES_IO)_TOKEN$/i, kind: 'crates', confidence: 'high' },
    { on: 'env', names: /^(GEM_HOST_API_KEY|RUBYGEMS_API_KEY|BUNDLE_GEM__PUSH_KEY)$/i, kind: 'rubygems', confidence: 'high' },
    { on: 'env', names: /^(TWINE_PASSWORD|PYPI_(API_)?TOKEN|UV_PUBLISH_TOKEN|POETRY_PYPI_TOKEN_PYPI|FLIT_PASSWORD|HATCH_INDEX_AUTH)$/i, kind: 'pypi', confidence: 'high' },
    { on: 'env', names: /^(VAULT_TOKEN|VAULT_(ROLE|SECRET)_ID)$/i, kind: 'vault', confidence: 'high' },
    { on: 'env', names: /^(JF_ACCESS_TOKEN|JF_PASSWORD|JFROG_(ACCESS_)?TOKEN|ARTIFACTORY_(API_)?(TOKEN|KEY|PASSWORD))$/i, kind: 'jfrog', confidence: 'high' },
    { on: 'env', names: /^(GH_TOKEN|GITHUB_TOKEN|GH_PAT|GITHUB_PAT|GH_ENTERPRISE_TOKEN|GITHUB_ENTERPRISE_TOKEN)$/i, kind: 'github-pat', confidence: 'high' },
    { on: 'env', names: /^(DOCKER(HUB)?_(PASSWORD|TOKEN|PAT)|REGISTRY_PASSWORD)$/i, kind: 'docker', confidence: 'medium' },
    { on: 'env', names: /^(ARM|AZURE)_(CLIENT|TENANT|SUBSCRIPTION)_ID$/i, kind: 'azure', confidence: 'medium' },
    { on: 'env', names: /_(GITHUB|GH)_(TOKEN|PAT)$/i, kind: 'github-pat', confidence: 'medium' },
    { on: 'run', command: /\bdocker\s+login\b|\b(podman|buildah|skopeo|crane)\s+(login|auth\s+login)\b/i, kind: 'docker', confidence: 'medium' },
    { on: 'run', command: /_authToken|\bnpm\s+(publish|config\s+set)\b/i, kind: 'npm', confidence: 'medium' },
    { on: 'run', command: /\btwine\s+upload\b|\buv\s+publish\b|\bpoetry\s+publish\b|\bflit\s+publish\b/i, kind: 'pypi', confidence: 'medium' },
    { on: 'run', command: /\bcargo\s+(publish|login)\b/i, kind: 'crates', confidence: 'medium' },
    { on: 'run', command: /\bgem\s+push\b/i, kind: 'rubygems', confidence: 'medium' },
    { on: 'run', command: /\baws\s+configure\s+set\s+aws_(access_key_id|secret_access_key)\b/i, kind: 'aws', confidence: 'medium' },
    { on: 'run', command: /\bgcloud\s+auth\s+activate-service-account\b/i, kind: 'gcp', confidence: 'medium' },
    { on: 'run', command: /\baz\s+login\b.*--service-principal|\baz\s+login\b.*(-p|--password)\b/i, kind: 'azure', confidence: 'medium' },
    { on: 'run', command: /\bvault\s+login\b/i, kind: 'vault', confidence: 'medium' },
    { on: 'run', command: /\bgh\s+auth\s+login\b|x-access-token:|(\}\}|[\w-])@github\.com\//i, kind: 'github-pat', confidence: 'medium' },
    { on: 'name', names: /^AWS_.*(KEY|SECRET|TOKEN)|^(.*_)?AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/i, kind: 'aws', confidence: 'low' },
    { on: 'name', names: /^(GCP|GCLOUD|GOOGLE|GKE|GCS|GAR)_.*(KEY|CREDENTIALS|JSON|SA)$|SERVICE_ACCOUNT_(KEY|JSON)$/i, kind: 'gcp', confidence: 'low' },
    { on: 'name', names: /^(AZURE|ARM|AZ)_.*(CREDENTIALS|SECRET|PASSWORD)$/i, kind: 'azure', confidence: 'low' },
    { on: 'name', names: /^(DOCKER|DOCKERHUB|QUAY|REGISTRY|GHCR|ACR|ECR|HARBOR)_.*(PASSWORD|TOKEN|PAT|KEY)$/i, kind: 'docker', confidence: 'low' },
    { on: 'name', names: /^NPM_|_NPM_TOKEN$|^NODE_AUTH_TOKEN$/i, kind: 'npm', confidence: 'low' },
    { on: 'name', names: /PYPI/i, kind: 'pypi', confidence: 'low' },
    { on: 'name', names: /^(CARGO|CRATES(_IO)?)_.*TOKEN$/i, kind: 'crates', confidence: 'low' },
    { on: 'name', names: /RUBYGEMS|^GEM_/i, kind: 'rubygems', confidence: 'low' },
    { on: 'name', names: /^VAULT_/i, kind: 'vault', confidence: 'low' },
    { on: 'name', names: /^(JF|JFROG|ARTIFACTORY)_/i, kind: 'jfrog', confidence: 'low' },
    { on: 'name', names: /^(GH|GITHUB)_|_PAT$|^PAT_|^PERSONAL_ACCESS_TOKEN$|^(BOT|RELEASE|REPO)_TOKEN$/i, kind: 'github-pat', confidence: 'low' },
];

;// CONCATENATED MODULE: ./src/policy/secrets/classify.ts

/** What the secret of `use` is, by the first rule of RULES that matches where its value goes. */
function classify(use, rules = RULES) {
    if (use.consumer.type === 'inherit')
        return { kind: 'secrets-inherit', confidence: 'high', by: 'inherit' };
    if (use.secret === '*')
        return { kind: 'all-secrets', confidence: 'high', by: 'context' };
    // A job container's `credentials.password` is a registry login whatever the secret is called.
    if (use.consumer.type === 'container')
        return { kind: 'docker', confidence: 'high', by: 'container', registry: registryOf(use) };
    for (const rule of rules) {
        if (!matches(rule, use))
            continue;
        const registry = rule.kind === 'docker' ? registryOf(use) : undefined;
        return { kind: rule.kind, confidence: rule.confidence, by: rule.on, rule, ...(registry ? { registry } : {}) };
    }
    // A secret written to a file on one line and used by the next (`echo … > key.json`, then `gcloud auth
    // activate-service-account --key-file`) is known only by the script as a whole.
    if (use.consumer.type === 'run') {
        for (const rule of rules) {
            if (rule.on === 'run' && rule.command.test(use.script))
                return { kind: rule.kind, confidence: 'low', by: 'script', rule };
        }
    }
    return { kind: 'unknown', confidence: 'low', by: 'none' };
}
function matches(rule, use) {
    const { consumer } = use;
    switch (rule.on) {
        case 'input':
            return consumer.type === 'input' && actionName(consumer.action) === rule.action.toLowerCase() && rule.inputs.some((i) => i.toLowerCase() === consumer.input.toLowerCase());
        case 'any-input':
            return consumer.type === 'input' && rule.inputs.test(consumer.input);
        case 'env':
            return (consumer.type === 'env' || consumer.type === 'reusable') && rule.names.test(consumer.name);
        case 'run':
            return consumer.type === 'run' ? rule.command.test(use.text) : consumer.type === 'env' && consumer.level === 'step' && rule.command.test(use.script);
        case 'name':
            return rule.names.test(use.secret);
    }
}
/** `owner/repo` of a `uses:` value, lower-cased: any subpath and ref left off. */
function actionName(uses) {
    return uses.split('@')[0]?.split('/').slice(0, 2).join('/').toLowerCase() ?? '';
}
/**
 * The registry a docker login goes to: docker/login-action's `registry` input, a `docker login HOST` on
 * the line, or the image of a job container. No host is Docker Hub.
 */
function registryHost(use) {
    if (use.consumer.type === 'container')
        return use.consumer.image.split('/')[0]?.includes('.') ? (use.consumer.image.split('/')[0] ?? '') : '';
    const input = use.with.registry ?? use.with['login-server'];
    if (input !== undefined)
        return input.trim().replace(/^https?:\/\//, '').split('/')[0] ?? '';
    const login = /\blogin\b(?:\s+-{1,2}[\w-]+(?:[ =](?!-)\S+)?)*\s+([a-z0-9.-]+\.[a-z]{2,}(?::\d+)?)/i.exec(use.text);
    return login?.[1] ?? '';
}
function registryOf(use) {
    const host = registryHost(use).toLowerCase();
    if (/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$|^public\.ecr\.aws$/.test(host))
        return 'ecr';
    if (/(^|\.)(gcr\.io|pkg\.dev)$/.test(host))
        return 'gar';
    if (/\.azurecr\.(io|us|cn)$/.test(host))
        return 'acr';
    if (host === 'ghcr.io' || host.startsWith('containers.'))
        return 'ghcr';
    if (/\.jfrog\.io$/.test(host))
        return 'jfrog';
    if (host === 'quay.io')
        return 'quay';
    return 'other';
}

// EXTERNAL MODULE: ./src/providers/quay.ts
var quay = __webpack_require__(1552);
;// CONCATENATED MODULE: ./src/policy/secrets/replacement.ts


const README = 'README.md#';
const SETUP = {
    aws: `${README}aws-provider-aws`,
    gcp: `${README}google-cloud-provider-gcp`,
    azure: `${README}azure-provider-azure`,
    registry: `${README}container-registries-provider-registry`,
    npm: `${README}npm-provider-npm`,
    pypi: `${README}pypi-provider-pypi`,
    crates: `${README}cratesio-provider-crates`,
    rubygems: `${README}rubygems-provider-rubygems`,
    vault: `${README}vault--openbao-provider-vault`,
    github: `${README}scoped-github-tokens-provider-github`,
    jfrog: `${README}jfrog-artifactory-provider-jfrog`,
    quay: `${README}quay-robot-accounts-provider-quay`,
};
/** A `with:` value the file states outright, usable in an entry; an expression is not. */
function literal(value) {
    const v = value?.trim();
    return v && !v.includes('${{') && /^[\w./:@-]+$/.test(v) ? v : undefined;
}
/** An ECR host names the account and region: `ACCOUNT.dkr.ecr.REGION.amazonaws.com`. */
const ecrHost = (use) => /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com/.exec(registryHost(use));
const AWS = (use, extra = '') => {
    const ecr = ecrHost(use);
    return `- provider: aws\n  ${extra}role: arn:aws:iam::${ecr?.[1] ?? '<ACCOUNT_ID>'}:role/<ROLE>\n  region: ${literal(use.with['aws-region']) ?? ecr?.[2] ?? '<REGION>'}\n`;
};
const GCP = (extra = '') => `- provider: gcp\n  ${extra}workload-identity-provider: projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL>/providers/<PROVIDER>\n  service-account: <NAME>@<PROJECT>.iam.gserviceaccount.com\n`;
const AZURE = (extra = '') => `- provider: azure\n  ${extra}client-id: <CLIENT_ID>\n  tenant-id: <TENANT_ID>\n  subscription-id: <SUBSCRIPTION_ID>\n`;
const GITHUB = (scope, extra = '') => `- provider: github\n  ${extra}scope: ${scope}\n  identity: <TRUST_POLICY>\n`;
/** Kinds whose entry or advice depends on nothing in the workflow. */
const FIXED = {
    gcp: { replacement: GCP(), setup: SETUP.gcp },
    azure: { replacement: AZURE(), setup: SETUP.azure },
    npm: { replacement: "- provider: npm\n  package: '<PACKAGE>'\n", setup: SETUP.npm },
    crates: { replacement: '- provider: crates\n', setup: SETUP.crates },
    rubygems: { replacement: '- provider: rubygems\n', setup: SETUP.rubygems },
    'secrets-inherit': {
        replacement: null,
        setup: null,
        note: 'every secret of the caller reaches the called workflow: pass only the ones it needs by name, or let it mint its own with Keyless (grant id-token: write to the calling job)',
    },
    'all-secrets': { replacement: null, setup: null, note: 'the whole secrets context (every secret of the repository, organisation and environment) is read here: name the secrets this needs instead' },
    unknown: { replacement: null, setup: null, note: 'not recognised: check what it is used for; no provider may replace it' },
};
/** The Keyless entry replacing the secret `use` reads, once `classify` has said what it is. */
function replacementFor(use, { kind, registry }) {
    const fixed = FIXED[kind];
    if (fixed)
        return fixed;
    switch (kind) {
        case 'aws':
            return { replacement: AWS(use), setup: SETUP.aws };
        case 'pypi': {
            const test = /test\.pypi\.org/.test(use.with['repository-url'] ?? use.with.repository_url ?? use.text);
            return { replacement: `- provider: pypi\n${test ? '  index: https://test.pypi.org\n' : ''}`, setup: SETUP.pypi };
        }
        case 'vault':
            return { replacement: `- provider: vault\n  url: ${literal(use.with.url) ?? '<VAULT_ADDR>'}\n  role: <JWT_ROLE>\n`, setup: SETUP.vault };
        case 'jfrog':
            return { replacement: `- provider: jfrog\n  url: ${literal(use.with.url) ?? 'https://<NAME>.jfrog.io'}\n  provider-name: <OIDC_INTEGRATION>\n`, setup: SETUP.jfrog };
        case 'docker':
            return docker(use, registry ?? 'other');
        default:
            // github-pat, the one kind left.
            return githubPat(use);
    }
}
function docker(use, registry) {
    const host = literal(registryHost(use));
    // Artifact Registry and ACR have no default host: the entry must name one.
    const shown = host ?? (registry === 'gar' ? '<LOCATION>-docker.pkg.dev' : registry === 'acr' ? '<NAME>.azurecr.io' : undefined);
    const hostLine = shown ? `  host: ${shown}\n` : '';
    const login = (kind, from) => `- provider: registry\n  kind: ${kind}\n${hostLine}  from: ${from}\n`;
    switch (registry) {
        case 'ecr':
            return { replacement: `${AWS(use, 'id: aws\n  ')}  export: none\n${login('ecr', 'aws')}`, setup: SETUP.registry };
        case 'gar':
            return { replacement: `${GCP('id: gcp\n  ')}  export: none\n${login('gar', 'gcp')}`, setup: SETUP.registry };
        case 'acr':
            return { replacement: `${AZURE('id: azure\n  ')}  export: none\n${login('acr', 'azure')}`, setup: SETUP.registry };
        case 'ghcr':
            return {
                replacement: `${GITHUB('<OWNER>', 'id: github\n  ')}${login('ghcr', 'github')}`,
                setup: SETUP.registry,
                github_token_enough: true,
                note: 'the job\'s GITHUB_TOKEN with "permissions: packages: write" logs in to this repository\'s packages; a github entry is for packages of other repositories',
            };
        case 'jfrog':
            return { replacement: `- provider: jfrog\n  url: https://${host ?? '<NAME>.jfrog.io'}\n  provider-name: <OIDC_INTEGRATION>\n  docker-hosts: ${host ?? '<NAME>.jfrog.io'}\n`, setup: SETUP.jfrog };
        case 'quay':
            return { replacement: `- provider: quay\n  robot: ${quayRobot(use) ?? '<ORG>+<ROBOT>'}\n`, setup: SETUP.quay };
        case 'other':
            return { replacement: null, setup: null, note: 'Docker Hub and other registries without an OIDC exchange still need their password: no provider replaces it' };
    }
}
/** The robot a Quay login names (NAMESPACE+ROBOT), in the login action's `username` or after `-u` on the line. */
function quayRobot(use) {
    const given = use.with.username?.trim();
    if (given !== undefined && quay/* QUAY_ROBOT */.Q.test(given))
        return given;
    const flag = /(?:^|\s)(?:-u|--username)[\s=]+(\S+)/.exec(use.text)?.[1];
    return flag !== undefined && quay/* QUAY_ROBOT */.Q.test(flag) ? flag : undefined;
}
/**
 * A PAT for this repository is usually replaceable by the job's own token with `permissions:`; one used
 * on another repository (checkout's `repository`, `gh --repo`, a URL) needs a token scoped there.
 */
function githubPat(use) {
    const repository = literal(use.with.repository);
    const crossRepo = repository !== undefined || /(^|\s)(--repo|-R)[\s=]|github\.com[/:][\w.-]+\/[\w.-]+/.test(`${use.text}\n${use.script}`) || use.with['push-to-fork'] !== undefined;
    const scope = repository ?? '<OWNER>/<REPO>';
    if (crossRepo) {
        return { replacement: GITHUB(scope), setup: SETUP.github, github_token_enough: false, note: 'reaches another repository: a github entry scoped there (octo-sts trust policy) replaces the PAT' };
    }
    return {
        replacement: GITHUB(scope),
        setup: SETUP.github,
        github_token_enough: true,
        note: 'for this repository alone, the job\'s GITHUB_TOKEN with the "permissions:" it needs may do (events it creates start no workflow); a github entry when it must reach other repositories or start workflows',
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/policy/pins/budget.ts
var pins_budget = __webpack_require__(7594);
;// CONCATENATED MODULE: ./src/policy/secrets/refs.ts
const REFERENCE = /(?<![\w.-])secrets\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\])/gi;
// A bare `secrets` (`toJSON(secrets)`, `secrets[matrix.name]`) reads every secret there is: reported as `*`.
const WHOLE = /(?<![\w.-])secrets\b(?!\s*(\.|\[\s*'))/gi;
/** Each `secrets.X` inside the expressions of `text` (the whole of `text` when it is a condition). */
function secretRefs(text, condition = false) {
    const found = [];
    const bodies = condition && !text.includes('${{') ? [{ body: text, at: 0 }] : expressions(text);
    for (const { body, at } of bodies) {
        for (const m of body.matchAll(REFERENCE)) {
            const name = m[1] ?? m[2] ?? '';
            if (name !== '')
                found.push({ name, offset: at + m.index });
        }
        // The word inside a string literal ('no secrets here') is text, not the context.
        const code = body.replace(/'(?:[^']|'')*'/g, (literal) => `'${' '.repeat(literal.length - 2)}'`);
        for (const m of code.matchAll(WHOLE))
            found.push({ name: '*', offset: at + m.index });
    }
    return found.sort((a, b) => a.offset - b.offset);
}
/**
 * The body of each `${{ … }}`, found as GitHub's template reader finds it: a `}}` inside a single-quoted
 * string literal does not end the expression (`format('}}{0}', secrets.X)`), and `''`, the escaped quote,
 * flips twice and so stays inside. An expression never closed is, for GitHub, an invalid file: no body.
 * One pass over the text, whatever it holds.
 */
function expressions(text) {
    const out = [];
    let open = text.indexOf('${{');
    while (open !== -1) {
        const at = open + 3;
        let quoted = false;
        let close = -1;
        for (let i = at; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 0x27)
                quoted = !quoted;
            else if (!quoted && c === 0x7d && text.charCodeAt(i + 1) === 0x7d) {
                close = i;
                break;
            }
        }
        if (close === -1)
            break;
        out.push({ body: text.slice(at, close), at });
        open = text.indexOf('${{', close + 2);
    }
    return out;
}
/**
 * The references in a scalar's parsed `value`, which is what GitHub evaluates, each placed at its offset in
 * the scalar's `raw` source where the same name is found there; otherwise at 0, the scalar's start. A YAML
 * escape (`"\x24{{ secrets.X }}"`, `secr\u0065ts`, `\x7d}`) hides a reference from the source but not from
 * the value, and after unescaping its exact place is not knowable. A name seen only in the source is not
 * read by GitHub and is not reported.
 */
function placedRefs(raw, value, condition) {
    // Every reference, of a name or of the whole context, holds the word; most scalars do not.
    if (!/secrets/i.test(value))
        return [];
    const refs = secretRefs(value, condition);
    if (raw === value || refs.length === 0)
        return refs;
    // Each source reference places at most one of the value's, in order.
    const inSource = new Map();
    for (const ref of secretRefs(raw, condition)) {
        const key = ref.name.toLowerCase();
        const seen = inSource.get(key);
        if (seen)
            seen.offsets.push(ref.offset);
        else
            inSource.set(key, { offsets: [ref.offset], next: 0 });
    }
    const place = (name) => {
        const seen = inSource.get(name.toLowerCase());
        return seen ? (seen.offsets[seen.next++] ?? 0) : 0;
    };
    return refs.map(({ name }) => ({ name, offset: place(name) })).sort((a, b) => a.offset - b.offset);
}

;// CONCATENATED MODULE: ./src/policy/secrets/scan.ts




/**
 * Every stored secret one workflow or composite action file reads: `${{ secrets.X }}` and `secrets['X']`
 * anywhere in an expression of a value as parsed, YAML escapes resolved, as GitHub reads it (the `secrets`
 * context is case-insensitive), and `secrets: inherit`. One use per (line, secret name);
 * `secrets.GITHUB_TOKEN` is the job's own token, not a stored secret. Throws INPUT_TOO_LARGE for a file whose aliases expand past the scanners' budget, and
 * INPUT_INVALID for a file that is not YAML.
 */
function scanSecrets(path, source) {
    const file = (0,paths/* toPosixPath */.kb)(path);
    const lines = new dist/* LineCounter */.HN();
    const uses = [];
    for (const doc of (0,dist/* parseAllDocuments */.hR)(source, { lineCounter: lines, uniqueKeys: false })) {
        const error = doc.errors[0];
        if (error)
            throw new InvalidYaml(file, lines.linePos(error.pos[0]).line, error.message.split('\n')[0] ?? error.code);
        const budget = (0,pins_budget/* expansionBudget */.X)(doc, file);
        const root = budget.resolve(doc.contents);
        if (!(0,dist/* isMap */.jh)(root))
            continue;
        const walk = { file, source, lines, budget, uses, workflowIdToken: grantsIdToken(budget.resolve(root.get('permissions', true))) ?? false };
        visit(walk, root, [], [], isAction(file, root));
    }
    const seen = new Set();
    return uses.filter((use) => {
        const key = `${String(use.line)} ${use.secret.toLowerCase()}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * An action.yml is an action whatever else it holds (GitHub ignores an action's unknown keys, so an extra
 * `jobs:` must not turn its steps into unknown paths), unless it sits where GitHub reads workflows.
 */
function isAction(file, root) {
    if (/(^|\/)action\.ya?ml$/.test(file) && !/(^|\/)\.github\/workflows\/[^/]+$/.test(file))
        return root.has('runs');
    return root.has('runs') && !root.has('jobs');
}
class InvalidYaml extends Error {
    file;
    line;
    constructor(file, line, reason) {
        super(`${file}:${String(line)}: not valid YAML (${reason}), so its secrets could not be listed`);
        this.file = file;
        this.line = line;
        this.name = 'InvalidYaml';
    }
}
/** `ancestors[i]` is the collection that holds `path[i]`. */
function visit(walk, node, path, ancestors, action) {
    const value = walk.budget.resolve(node);
    if ((0,dist/* isMap */.jh)(value)) {
        for (const pair of value.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
            visit(walk, pair.value, [...path, key], [...ancestors, value], action);
        }
    }
    else if ((0,dist/* isSeq */.oP)(value)) {
        value.items.forEach((item, index) => {
            visit(walk, item, [...path, index], [...ancestors, value], action);
        });
    }
    else if ((0,dist/* isScalar */.jn)(value) && typeof value.value === 'string' && value.range) {
        scalar(walk, value, path, ancestors, action);
    }
}
function scalar(walk, node, path, ancestors, action) {
    const [start, end] = node.range ?? [0, 0];
    const job = !action && path[0] === 'jobs' ? asMap(walk, ancestors[2]) : undefined;
    if (job && path.length === 3 && path[2] === 'secrets' && node.value.trim() === 'inherit') {
        push(walk, start, '*', { type: 'inherit', workflow: scan_text(walk, job, 'uses') ?? '' }, { job, jobId: String(path[1]), script: '' });
        return;
    }
    // `if:` is an expression even without `${{ }}`; everywhere else only what is inside `${{ }}` is. GitHub
    // reads the parsed value, escapes resolved; the source only places each reference on its line.
    const condition = path.at(-1) === 'if';
    for (const { name, offset } of placedRefs(walk.source.slice(start, end), node.value, condition)) {
        if (name.toLowerCase() === 'github_token')
            continue;
        const step = stepOf(walk, path, ancestors, action);
        const use = consumer(walk, path, job, step, action);
        const script = use.type === 'run' ? node.value : use.type === 'env' && use.level === 'step' && step ? (scan_text(walk, step, 'run') ?? '') : '';
        push(walk, start + offset, name, use, { ...(job ? { job, jobId: String(path[1]) } : {}), ...(step ? { step } : {}), script });
    }
}
/** The step holding `path`: `jobs.<id>.steps[i]` in a workflow, `runs.steps[i]` in an action. */
function stepOf(walk, path, ancestors, action) {
    const at = stepIndex(action);
    return path[at - 1] === 'steps' && typeof path[at] === 'number' ? asMap(walk, ancestors[at + 1]) : undefined;
}
const stepIndex = (action) => (action ? 2 : 3);
function consumer(walk, path, job, step, action) {
    const key = path.map(String);
    const inStep = step ? stepConsumer(walk, step, key.slice(stepIndex(action) + 1)) : undefined;
    if (inStep)
        return inStep;
    if (!action && key[0] === 'env' && key[1] !== undefined)
        return { type: 'env', level: 'workflow', name: key[1] };
    if (job) {
        if (key[2] === 'env' && key[3] !== undefined)
            return { type: 'env', level: 'job', name: key[3] };
        if (key[2] === 'secrets' && key[3] !== undefined)
            return { type: 'reusable', workflow: scan_text(walk, job, 'uses') ?? '', name: key[3] };
        if ((key[2] === 'container' || key[2] === 'services') && key.includes('credentials'))
            return { type: 'container', image: containerImage(walk, job, key) };
    }
    return { type: 'other', key: key.join('.') };
}
/** `key` is the path inside the step. */
function stepConsumer(walk, step, key) {
    const uses = scan_text(walk, step, 'uses');
    if (key[0] === 'with' && key[1] !== undefined && uses !== undefined)
        return { type: 'input', action: uses, input: key[1] };
    if (key[0] === 'env' && key[1] !== undefined)
        return { type: 'env', level: 'step', name: key[1], ...(uses === undefined ? {} : { action: uses }) };
    if (key[0] === 'run')
        return { type: 'run' };
    return undefined;
}
function containerImage(walk, job, key) {
    const holder = asMap(walk, key[2] === 'container' ? job.get('container', true) : asMap(walk, job.get('services', true))?.get(key[3], true));
    return holder ? (scan_text(walk, holder, 'image') ?? '') : '';
}
function push(walk, offset, secret, use, { job, jobId, step, script }) {
    const { line, col } = walk.lines.linePos(offset);
    const lineStart = offset - (col - 1);
    const lineEnd = walk.source.indexOf('\n', offset);
    const own = job ? grantsIdToken(walk.budget.resolve(job.get('permissions', true))) : undefined;
    walk.uses.push({
        file: walk.file,
        line,
        secret,
        consumer: use,
        with: withOf(walk, step ?? (use.type === 'reusable' || use.type === 'inherit' ? job : undefined)),
        text: walk.source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd),
        script,
        ...(jobId === undefined ? {} : { job: jobId }),
        id_token_write: job ? (own ?? walk.workflowIdToken) : use.type === 'env' && use.level === 'workflow' ? walk.workflowIdToken : null,
    });
}
/** true or false when `permissions` is set (a job's block replaces the workflow's whole), undefined when not. */
function grantsIdToken(permissions) {
    if (permissions === undefined || permissions === null)
        return undefined;
    if ((0,dist/* isScalar */.jn)(permissions))
        return permissions.value === 'write-all';
    if ((0,dist/* isMap */.jh)(permissions))
        return permissions.items.some((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === 'id-token' && (0,dist/* isScalar */.jn)(p.value) && p.value.value === 'write');
    return false;
}
function withOf(walk, holder) {
    const inputs = holder ? asMap(walk, holder.get('with', true)) : undefined;
    const out = {};
    for (const pair of inputs?.items ?? []) {
        const value = walk.budget.resolve(pair.value);
        if ((0,dist/* isScalar */.jn)(pair.key) && (0,dist/* isScalar */.jn)(value))
            out[String(pair.key.value)] = String(value.value);
    }
    return out;
}
function asMap(walk, node) {
    const value = walk.budget.resolve(node);
    return (0,dist/* isMap */.jh)(value) ? value : undefined;
}
function scan_text(walk, map, key) {
    const value = walk.budget.resolve(map.get(key, true));
    return (0,dist/* isScalar */.jn)(value) && typeof value.value === 'string' ? value.value.trim() : undefined;
}

;// CONCATENATED MODULE: ./src/policy/secrets/inventory.ts



const LEVELS = ['none', 'low', 'medium', 'high'];
/** The stored secrets of one workflow or action file, classified, each with what replaces it. */
function inventory(file, text) {
    return scanSecrets(file, text).map((use) => {
        const classified = classify(use);
        const replaced = replacementFor(use, classified);
        const severity = classified.kind === 'github-pat' || classified.kind === 'secrets-inherit' || classified.kind === 'all-secrets' ? 'medium' : replaced.replacement === null ? 'low' : 'high';
        return {
            file: use.file,
            line: use.line,
            secret: use.secret,
            kind: classified.kind,
            replacement: replaced.replacement,
            severity,
            confidence: classified.confidence,
            classified_by: classified.by,
            consumer: use.consumer,
            ...(use.job === undefined ? {} : { job: use.job }),
            ...(classified.registry ? { registry: classified.registry } : {}),
            setup: replaced.setup,
            id_token_write: use.id_token_write,
            ...(replaced.github_token_enough === undefined ? {} : { github_token_enough: replaced.github_token_enough }),
            ...(replaced.note === undefined ? {} : { note: replaced.note }),
        };
    });
}
/** Whether `finding` is at or above `level` (`none` is above every finding). */
function atOrAbove(finding, level) {
    return level !== 'none' && LEVELS.indexOf(finding.severity) >= LEVELS.indexOf(level);
}

// EXTERNAL MODULE: ./src/about.ts + 1 modules
var about = __webpack_require__(4543);
;// CONCATENATED MODULE: ./src/policy/secrets/sarif.ts


const sarif_RULES = {
    aws: 'A stored AWS access key: an aws entry assumes a role with the runner OIDC token instead.',
    gcp: 'A stored Google service-account key: a gcp entry uses workload identity federation instead.',
    azure: 'A stored Azure service-principal secret: an azure entry signs in with a federated credential instead.',
    docker: 'A stored container registry password: a registry entry logs in with a cloud entry\'s credential where the registry allows it.',
    npm: 'A stored npm token: an npm entry mints one through trusted publishing instead.',
    pypi: 'A stored PyPI token: a pypi entry mints one through trusted publishing instead.',
    crates: 'A stored crates.io token: a crates entry mints one through trusted publishing instead.',
    rubygems: 'A stored RubyGems API key: a rubygems entry mints one through trusted publishing instead.',
    vault: 'A stored Vault token or AppRole secret: a vault entry signs in with the JWT method instead.',
    jfrog: 'A stored JFrog token or password: a jfrog entry exchanges the runner OIDC token instead.',
    'github-pat': 'A stored GitHub token: the job\'s GITHUB_TOKEN with permissions, or a github entry for other repositories.',
    'secrets-inherit': 'secrets: inherit hands every secret of the caller to the called workflow.',
    'all-secrets': 'The whole secrets context is read (toJSON(secrets), secrets[expression]): every stored secret reaches this place.',
    unknown: 'A stored secret Keyless could not classify.',
};
const LEVEL = { high: 'error', medium: 'warning', low: 'note' };
/** SARIF 2.1.0, one rule per kind, one result per finding at the line of its `secrets.X`. */
function toSarif(findings, notes = []) {
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: 'keyless-secrets', informationUri: about/* HOMEPAGE */.p, rules: KINDS.map((id) => ({ id, shortDescription: { text: sarif_RULES[id] }, defaultConfiguration: { level: 'warning' } })) } },
                ...(notes.length > 0 ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: notes.map((text) => ({ level: 'error', message: { text } })) }] } : {}),
                results: findings.map((f) => ({
                    ruleId: f.kind,
                    level: LEVEL[f.severity],
                    message: { text: `secrets.${f.secret}: ${f.replacement === null ? (f.note ?? 'no Keyless entry replaces it') : `replace with the Keyless entry:\n${f.replacement}`}` },
                    locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: f.line } } }],
                })),
            },
        ],
    };
}

;// CONCATENATED MODULE: ./src/policy/secrets/step.ts
/** Where a second entry of a provider with one fixed variable hands its token instead. */
const SECOND_VARIABLE = {
    github: (count) => `  export-env: GH_TOKEN_${String(count)}\n`,
    pypi: () => '  export: outputs\n',
    jfrog: () => '  export: outputs\n',
    aws: (count) => `  profile: aws-${String(count)}\n`,
    vault: () => '  export: outputs\n',
};
const idOf = (entry) => /^ {2}id: (\S+)\n/m.exec(entry)?.[1];
const providerOf = (entry) => /^- provider: (\S+)/.exec(entry)?.[1] ?? '';
/** `base-N` with the least N from `from` that no entry has taken as its id (its provider's name when it has none). */
function freeId(base, entries, from = 2) {
    const taken = new Set(entries.map((entry) => idOf(entry) ?? providerOf(entry)));
    for (let n = from;; n++)
        if (!taken.has(`${base}-${String(n)}`))
            return `${base}-${String(n)}`;
}
/**
 * One finding's entries, a cloud entry with the registry login built on it: when an earlier finding's
 * cloud entry took the same id with other settings (another account or region), this one takes the id
 * an earlier entry with its own settings already has, or else an id of its own, and its login follows
 * it, or the login would build on the wrong role.
 */
function renamedApart(group, entries) {
    const withoutId = (entry) => entry.replace(/^ {2}id: \S+\n/m, '');
    const renamed = [...group];
    for (const [i, entry] of group.entries()) {
        const id = idOf(entry);
        if (id === undefined || entries.includes(entry) || !entries.some((other) => idOf(other) === id))
            continue;
        const same = entries.find((other) => withoutId(other) === withoutId(entry));
        const fresh = (same === undefined ? undefined : idOf(same)) ?? freeId(id, [...entries, ...renamed]);
        renamed[i] = (renamed[i] ?? '').replace(`\n  id: ${id}\n`, `\n  id: ${fresh}\n`);
        for (const [j, other] of renamed.entries())
            renamed[j] = other.replace(`\n  from: ${id}\n`, `\n  from: ${fresh}\n`);
    }
    return renamed;
}
/**
 * The one Keyless step replacing every stored secret of a job that a Keyless entry replaces: the
 * entries of its findings, each once. A cloud entry a registry login needs (`id: X`, `export: none`)
 * folds into an entry of the same provider the job already gets, which then takes that id, so one
 * role serves both the job's own calls and the login. Null when nothing in the list is replaceable.
 */
function keylessStep(findings) {
    const entries = [];
    for (const f of findings) {
        for (const entry of renamedApart((f.replacement ?? '').split(/^(?=- )/m).filter(Boolean), entries)) {
            if (!entries.includes(entry))
                entries.push(entry);
        }
    }
    if (entries.length === 0)
        return null;
    const merged = [...entries];
    for (const entry of entries) {
        const helper = idOf(entry);
        if (helper === undefined || !entry.includes('\n  export: none\n'))
            continue;
        const provider = entry.split('\n')[0];
        const plain = merged.findIndex((other) => other.split('\n')[0] === provider && !/^ {2}id: /m.test(other));
        if (plain === -1)
            continue;
        merged[plain] = (merged[plain] ?? '').replace('\n', `\n  id: ${helper}\n`);
        merged.splice(merged.indexOf(entry), 1);
    }
    // Entries of one provider without an id would all take the provider's name as their id, and those whose
    // variable is fixed (GH_TOKEN, TWINE_PASSWORD) would all set it, which the step refuses.
    const seen = new Map();
    for (const [i, entry] of merged.entries()) {
        const provider = providerOf(entry);
        const count = (seen.get(provider) ?? 0) + 1;
        seen.set(provider, count);
        if (count === 1)
            continue;
        const id = idOf(entry) === undefined ? `  id: ${freeId(provider, merged, count)}\n` : '';
        // An entry only a login builds on (export: none) sets no variable.
        const variable = entry.includes('\n  export: none\n') ? '' : (SECOND_VARIABLE[provider]?.(count) ?? '');
        merged[i] = entry.replace('\n', `\n${id}${variable}`);
    }
    const credentials = merged.join('').replace(/^/gm, '      ').trimEnd();
    return `- uses: OWNER/keyless@<40-hex-commit-sha> # vX.Y.Z\n  with:\n    credentials: |\n${credentials}\n`;
}

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/org-source.ts + 2 modules
var org_source = __webpack_require__(5833);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
;// CONCATENATED MODULE: ./src/cli/secrets.ts











const FORMATS = cli_args/* REPORT_FORMATS */.EL;
/**
 * `keyless secrets`: 0 no finding at or above `--fail-on`, 1 such findings or a file not read, 2 usage
 * error. Under `--format json` or `sarif` every outcome, an error included, is a report in that format.
 */
async function secretsCommand(args, io, env = {}) {
    try {
        const options = readOptions(args);
        return options.org ? await secretsOfOrg(options.org, options, io, env) : secrets(options, io);
    }
    catch (error) {
        const format = (0,cli_args/* formatAsked */.WN)(args);
        const failure = problem(error);
        if (format === 'json')
            io.out(`${JSON.stringify({ errors: [failure] })}\n`);
        if (format === 'sarif')
            io.out(`${JSON.stringify(toSarif([], [failure.message]), null, 2)}\n`);
        io.err(error instanceof errors/* KeylessError */.FM && error.code === 'USAGE' ? (0,usage/* usageText */.tx)('secrets', error) : `keyless secrets: ${(0,errors/* renderError */.vr)(error)}\n`);
        return (0,cli_args/* exitCode */.I$)(error);
    }
}
function readOptions(args) {
    const { values, positionals } = (0,cli_args/* parseFlags */.bQ)(args, { format: { type: 'string', default: 'text' }, 'fail-on': { type: 'string', default: 'low' }, ...org_source/* ORG_FLAGS */.p0 }, { positionals: true });
    const org = (0,org_source/* wantsOrgScan */.JN)(values, positionals);
    const format = FORMATS.find((f) => f === values.format);
    if (format === undefined)
        throw (0,cli_args/* usage */.CI)(`unknown format "${values.format}"`, 'use text, json or sarif');
    const failOn = LEVELS.find((l) => l === values['fail-on']);
    if (failOn === undefined)
        throw (0,cli_args/* usage */.CI)(`unknown --fail-on level "${values['fail-on']}"`, 'use none, low, medium or high');
    return { paths: positionals.length > 0 ? positionals : ['.'], format, failOn, ...(org ? { org: values } : {}) };
}
function secrets(options, io) {
    const files = [];
    const problems = [];
    for (const path of options.paths) {
        if (!(0,external_node_fs_.existsSync)(path))
            throw (0,cli_args/* usage */.CI)(`no such file or directory: ${path}`);
        files.push(...((0,external_node_fs_.statSync)(path).isDirectory() ? (0,pins_files/* findFiles */.lY)(path, (dir, error) => problems.push(problem(error, dir))) : [(0,paths/* toPosixPath */.kb)(path)]));
    }
    if (files.length === 0 && problems.length === 0) {
        throw (0,cli_args/* usage */.CI)(`nothing to scan: no workflow or action file in ${options.paths.join(', ')}`, 'a directory is searched for .github/workflows/*.yml and action.yml; name any other workflow file directly');
    }
    const findings = [];
    for (const file of files) {
        try {
            findings.push(...inventory(file, (0,pins_files/* readWorkflowFile */.AO)(file)));
        }
        catch (error) {
            problems.push(problem(error, file));
        }
    }
    for (const p of problems)
        io.err(`keyless secrets: ${p.message}\n`);
    io.out(render(findings, problems, options.format, files.length));
    return problems.length > 0 || findings.some((f) => atOrAbove(f, options.failOn)) ? 1 : 0;
}
/** `--github-org` / `--github-repos`: one merged inventory, files named `OWNER/REPO/PATH`. */
async function secretsOfOrg(flags, options, io, env) {
    const results = await (0,org_source/* scanOrg */.Op)(flags, env, ({ repository, path, text }) => inventory(`${repository}/${path}`, text).map((finding) => ({ ...finding, repository })));
    const findings = results.flatMap((r) => r.findings);
    const problems = results.flatMap((r) => r.problems.map((message) => ({ file: r.repository, code: 'NOT_CHECKED', message: `${r.repository}: ${message}` })));
    for (const p of problems)
        io.err(`keyless secrets: ${p.message}\n`);
    io.out(render(findings, problems, options.format, results.reduce((sum, r) => sum + r.files, 0)));
    return problems.length > 0 || findings.some((f) => atOrAbove(f, options.failOn)) ? 1 : 0;
}
function problem(error, file) {
    if (error instanceof InvalidYaml)
        return { file: error.file, code: 'INPUT_INVALID', message: error.message };
    return { ...(file === undefined ? {} : { file }), code: error instanceof errors/* KeylessError */.FM ? error.code : 'INTERNAL', message: (0,errors/* renderError */.vr)(error) };
}
function render(findings, problems, format, scanned) {
    if (format === 'json')
        return `${JSON.stringify({ findings, ...(problems.length > 0 ? { errors: problems } : {}) })}\n`;
    if (format === 'sarif')
        return `${JSON.stringify(toSarif(findings, problems.map((p) => p.message)), null, 2)}\n`;
    const byFile = new Map();
    for (const f of findings)
        byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    const blocks = [...byFile].map(([file, list]) => `${file}\n${list.map(describe).join('')}${steps(list)}`);
    const unread = problems.length > 0 ? `, ${String(problems.length)} not read (see stderr)` : '';
    return [...blocks, `${String(findings.length)} stored secret(s) in ${String(scanned)} file(s)${unread}\n`].join('\n');
}
function describe(f) {
    const head = `  ${String(f.line)}: secrets.${f.secret}  ${f.kind} (${f.severity}; ${f.confidence} confidence, by ${f.classified_by})  ${via(f)}\n`;
    const idToken = f.replacement === null ? '' : `    id-token: write ${f.id_token_write === true ? 'granted' : f.id_token_write === false ? 'missing: add "permissions: id-token: write" to the job' : 'set by the calling workflow'}\n`;
    const entry = f.replacement === null ? '' : `    replace with:\n${f.replacement.trimEnd().replace(/^/gm, '      ')}\n`;
    const setup = f.setup === null ? '' : `    setup: ${f.setup}\n`;
    const note = f.note === undefined ? '' : `    note: ${f.note}\n`;
    return head + entry + setup + idToken + note;
}
/** Per job, the Keyless step replacing all its replaceable secrets at once. */
function steps(list) {
    const byJob = new Map();
    for (const f of list)
        byJob.set(f.job ?? '', [...(byJob.get(f.job ?? '') ?? []), f]);
    return [...byJob]
        .map(([job, findings]) => {
        const step = keylessStep(findings);
        return step === null ? '' : `  the Keyless step for ${job === '' ? 'these secrets' : `job ${job}`}, then delete the secrets it replaces:\n${step.trimEnd().replace(/^/gm, '    ')}\n`;
    })
        .join('');
}
function via({ consumer: c }) {
    switch (c.type) {
        case 'input':
            return `→ ${c.action} with.${c.input}`;
        case 'env':
            return `→ env ${c.name} (${c.level})`;
        case 'run':
            return '→ run script';
        case 'reusable':
            return `→ ${c.workflow} secrets.${c.name}`;
        case 'inherit':
            return `→ ${c.workflow} (secrets: inherit)`;
        case 'container':
            return `→ container ${c.image} credentials`;
        case 'other':
            return `→ ${c.key}`;
    }
}


/***/ }),

/***/ 3897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EW: () => (/* binding */ BASE64),
/* harmony export */   No: () => (/* binding */ credentialValue),
/* harmony export */   Pe: () => (/* binding */ expiresAfter),
/* harmony export */   yl: () => (/* binding */ JWT)
/* harmony export */ });
/* unused harmony export TOKEN */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/**
 * Any token: printable ASCII, no space or control character, bounded. Every token format Keyless hands
 * out (JWTs, base64 and base64url, `ghs_`, `hvs.`, `ya29.`, `npm_`, `pypi-`) fits, and nothing that could
 * end a line, a record or a quoted string in a file or a variable does.
 */
const TOKEN = { pattern: /^[\x21-\x7e]{1,16384}$/, expected: 'printable ASCII without spaces, at most 16384 characters' };
/** A compact JWS (header.payload.signature), as the runner's OIDC token and ACR refresh tokens are. */
const JWT = { pattern: /^[\w-]{1,8192}\.[\w-]{1,16384}\.[\w-]{0,8192}$/, expected: 'a compact JWT (three base64url parts)' };
/** Standard base64 (`+`, `/`, `=` padding), for secrets AWS documents as base64-encoded. */
const BASE64 = { pattern: /^[A-Za-z0-9+/]{1,16384}={0,2}$/, expected: 'base64, at most 16384 characters' };
/**
 * Checks a credential the moment it arrives, before it is masked, used or written anywhere: a value a
 * server could shape into a second line of a file or a variable is refused, not handed on. The error
 * names the service and the field, never the value.
 *
 * @example credentialValue(body.token, 'token', `crates.io at ${url.origin}`)
 */
function credentialValue(value, field, what, shape = TOKEN) {
    if (typeof value === 'string' && shape.pattern.test(value))
        return value;
    const missing = value === undefined || value === null || value === '';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', missing ? `${what} answered without ${field}` : `${what} answered ${field} in a form that is not ${shape.expected}; it was not used`, { hint: 'the service is misbehaving, or the URL points at something that is not this service; report it to its operator' });
}
/**
 * The ISO date `seconds` after `now`; for a lifetime past any date JavaScript can hold, a text the exchange
 * refuses as unreadable (src/exchange.ts) once the credential's revocation is recorded, where throwing
 * here, before that, would leave a revocable token unrevoked.
 */
function expiresAfter(now, seconds) {
    const at = new Date(now + seconds * 1000);
    return Number.isNaN(at.getTime()) ? `in ${String(seconds)} s` : at.toISOString();
}


/***/ }),

/***/ 7840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fx: () => (/* binding */ dockerHubProblem),
/* harmony export */   Tg: () => (/* binding */ dockerLogins),
/* harmony export */   cU: () => (/* binding */ DOCKER_USERNAME),
/* harmony export */   fF: () => (/* binding */ registryHostClaims),
/* harmony export */   zv: () => (/* binding */ REGISTRY_HOST)
/* harmony export */ });
// A docker login as a provider hands it to the sink (src/sinks/docker-config.ts): one `auths` part of the
// shared config.json, merged there with every other entry's logins and the job's earlier config.
/** A registry host as Docker keys `auths`: a lower-case name and optional port, no scheme or path. */
const REGISTRY_HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;
// Docker's own names for Docker Hub; the CLI keys its login https://index.docker.io/v1/, so a login
// under any of these would sit beside, not replace, one made by `docker login`.
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);
/** Why a host cannot take this login: Docker Hub takes no token Keyless mints, under any of its names. */
function dockerHubProblem(host, loginOf) {
    if (!DOCKER_HUB.has(host.replace(/:443$/, '')))
        return undefined;
    return `is Docker Hub, which takes no ${loginOf}: name the registry that issued it, and log in to Docker Hub with docker/login-action`;
}
/** What `user:password` may hold for the login to stay one `auth` value: no colon in the user, nothing unprintable. */
const DOCKER_USERNAME = { pattern: /^[\x21-\x39\x3b-\x7e]{1,255}$/, expected: 'printable ASCII without spaces or colons, at most 255 characters' };
/**
 * The docker config part that logs in to each host with one username and password. The base64 `auth`
 * is masked as well: it would slip past a mask of the password alone.
 */
function dockerLogins(hosts, username, password, mask) {
    const auth = Buffer.from(`${username}:${password}`).toString('base64');
    mask(auth);
    const auths = Object.fromEntries(hosts.map((host) => [host, { auth }]));
    return { env: 'DOCKER_CONFIG', name: 'docker/config.json', format: 'docker-config', content: JSON.stringify({ auths }) };
}
/**
 * Each host an entry logs in to, taken in the one docker config the job (or `keyless exec`'s command)
 * gets: of two logins to one host the later would silently replace the earlier. Claimed with the
 * settings, so two entries naming one host are refused before either is minted; hosts only an answer
 * names (ECR without `host`) are caught when the config is written.
 */
function registryHostClaims(hosts, places, field) {
    if (places.size === 0)
        return [];
    return [...new Set(hosts)].map((host) => ({
        key: `registry host ${host}`,
        field,
        message: (other) => `logs in to ${host}, as ${other} does; the later login would silently replace the earlier: keep one entry per registry host (one entry's ${field} may list several)`,
    }));
}


/***/ }),

/***/ 530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X_: () => (/* binding */ callJson),
/* harmony export */   jD: () => (/* binding */ sendJson),
/* harmony export */   tQ: () => (/* binding */ jsonAnswer)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2868);
/* harmony import */ var _oauth_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8350);



/** A JSON request to a token service: the JSON answer on 2xx, else one clear error quoting the service. */
async function callJson(call) {
    return jsonAnswer(call, await sendJson(call));
}
/** Sends the request of a JSON call, for a caller that looks at the status first (Vault's 404 for a missing secret). */
function sendJson(call) {
    return call.http.request({
        method: call.method,
        url: call.url,
        what: call.what,
        headers: { accept: 'application/json', ...(call.body === undefined ? {} : { 'content-type': 'application/json' }), ...call.headers },
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        ...(call.idempotent === false ? { idempotent: false } : {}),
        ...(call.tls ? { tls: call.tls } : {}),
        ...(call.retryOn ? { retryOn: call.retryOn } : {}),
        ...(call.undo ? { undo: true } : {}),
    });
}
/** The JSON answer of a 2xx response, else one clear error quoting the service. */
function jsonAnswer(call, response) {
    const where = `${call.what} ${call.url.origin}${call.url.pathname}`;
    if (response.status < 200 || response.status >= 300) {
        const said = call.describe((0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLoose */ .il)(response.body), response.body);
        const text = `${where} answered HTTP ${response.status}${said ? `: ${call.idToken ? said.split(call.idToken.jwt).join('***') : said}` : ''}`;
        if ((call.denied ?? [401, 403]).includes(response.status)) {
            const claims = call.idToken ? ` The token carried ${(0,_oauth_error_js__WEBPACK_IMPORTED_MODULE_2__/* .claimsForHumans */ .D1)(call.idToken)}.` : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_DENIED', `${text}.${claims}`, { hint: call.deniedHint });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_FAILED', text, { hint: response.status >= 500 ? 're-run later; the service is failing' : 'check the entry keys' });
    }
    if (response.status === 204 || response.body === '')
        return { body: {}, response };
    const body = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonBody */ .J9)(response, where);
    if (!(0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} answered with JSON that is not an object`);
    return { body, response };
}


/***/ }),

/***/ 8350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D1: () => (/* binding */ claimsForHumans),
/* harmony export */   YM: () => (/* binding */ oauthError),
/* harmony export */   xD: () => (/* binding */ issuerOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2868);


/** RFC 6749 §5.2 codes that mean "you may not", as opposed to "you asked wrongly" or "I am broken". */
const DENIED = new Set(['invalid_grant', 'unauthorized_client', 'access_denied', 'invalid_target', 'invalid_scope', 'invalid_client']);
/**
 * The claims relying parties match trust policies on; none is secret. `iss` first: on GitHub Enterprise
 * Server and GHE.com it is not token.actions.githubusercontent.com, the usual mismatch there.
 */
function claimsForHumans(idToken) {
    const { iss, sub, aud, job_workflow_ref: workflow, environment } = idToken.claims;
    const pairs = [['iss', iss], ['sub', sub], ['aud', aud], ['job_workflow_ref', workflow], ['environment', environment]];
    return pairs
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
        .join(' ');
}
/**
 * The token's issuer as a trust policy names it (an https URL, no trailing slash), for setup hints:
 * never a hard-coded github.com issuer, which is wrong on GHES and GHE.com.
 */
function issuerOf(idToken) {
    const { iss } = idToken.claims;
    if (typeof iss !== 'string' || iss.length > 200 || !URL.canParse(iss))
        return undefined;
    return new URL(iss).protocol === 'https:' ? iss.replace(/\/$/, '') : undefined;
}
/**
 * The error for a failed token request: RFC 6749 §5.2 / RFC 8693 §2.2.2 bodies (`error`,
 * `error_description`, `error_uri`) are quoted; a denial prints the claims the policy was matched against.
 */
function oauthError(response, what, idToken, deniedHint = "compare these claims with the issuer's trust policy for this workload (subject, audience, workflow)") {
    const body = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLoose */ .il)(response.body);
    const code = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.error, 80) : undefined;
    const description = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.error_description) : undefined;
    const uri = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.error_uri, 200) : undefined;
    const said = code === undefined ? '' : `: ${code}${description ? ` "${description}"` : ''}${uri ? ` (${uri})` : ''}`;
    // A server may echo the request back; the subject token must not travel on in our message.
    const message = `${what} answered HTTP ${response.status}${idToken ? said.split(idToken.jwt).join('***') : said}`;
    if (code !== undefined && DENIED.has(code)) {
        const claims = idToken === undefined ? '' : ` The token carried ${claimsForHumans(idToken)}.`;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_DENIED', `${message}.${claims}`, { hint: deniedHint });
    }
    const hint = code === 'invalid_request' || code === 'unsupported_grant_type'
        ? 'the server does not accept this request; check the entry keys against its documentation'
        : response.status >= 500 || response.status === 429
            ? 'the service is failing or throttling; re-run the job later'
            : 'check the endpoint URL and the entry keys';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_FAILED', message, { hint });
}


/***/ }),

/***/ 1552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ QUAY_ROBOT),
/* harmony export */   d: () => (/* binding */ quay)
/* harmony export */ });
/* harmony import */ var jose_jwt_decode__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7961);
/* harmony import */ var _audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7663);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2868);
/* harmony import */ var _credential_value_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3897);
/* harmony import */ var _docker_login_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7840);
/* harmony import */ var _json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(530);






// Quay robot account federation (quay.io, and Red Hat Quay 3.13 and later): the runner token, presented
// as the password of a robot account whose federation lists its issuer and subject, for a short-lived
// robot token that `docker login` takes in place of the robot's stored password.
// `GET /oauth2/federation/robot/token` with Basic auth; `{"token"}` on success, `{"error"}` with 401.
const OUTPUTS = { public: ['username', 'host', 'expires-at'], secret: ['password'] };
/** A Quay robot username: the organisation or user namespace, `+`, the robot's short name. */
const QUAY_ROBOT = /^(?=.{4,255}$)[a-z0-9]+(?:[._-][a-z0-9]+)*\+[a-z][a-z0-9_]{1,254}$/;
/** Beyond this the answer is not a temporary robot token (Quay's last one hour). */
const MAX_LIFETIME_MS = 24 * 3600_000;
function read(fields) {
    const url = fields.url('url') ?? new URL('https://quay.io');
    const robot = fields.string('robot', {
        required: true,
        pattern: QUAY_ROBOT,
        expected: 'a robot account as Quay names it, NAMESPACE+ROBOT (e.g. acme+github_ci)',
    });
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '')
        fields.report('url', 'has a path, query or fragment: give the Quay origin alone, e.g. https://quay.io');
    const hub = (0,_docker_login_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerHubProblem */ .Fx)(url.hostname, 'Quay robot token');
    if (hub)
        fields.report('url', hub);
    if (robot === undefined)
        return undefined;
    return { url: new URL(url.origin), robot };
}
/** Quay answers `{"error": "..."}` to a refused federation; anything else is quoted, bounded. */
function quayError(body, text) {
    return (0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .serverText */ .Tn)(body.error) : (0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .serverText */ .Tn)(text, 200);
}
async function exchange(config, ctx) {
    const url = new URL('oauth2/federation/robot/token', config.url);
    // The runner token as a password: its Basic form would slip past a mask of the token alone.
    const basic = Buffer.from(`${config.robot}:${ctx.idToken.jwt}`).toString('base64');
    ctx.mask(basic);
    const call = {
        http: ctx.http,
        method: 'GET',
        url,
        what: 'Quay robot federation',
        headers: { authorization: `Basic ${basic}` },
        describe: quayError,
        denied: [401, 403],
        deniedHint: deniedHint(config, ctx.idToken),
        idToken: ctx.idToken,
    };
    const response = await (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .sendJson */ .jD)(call);
    const { body } = (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonAnswer */ .tQ)(call, response);
    const where = `Quay at ${url.origin}`;
    // Quay's temporary robot tokens are JWTs it signs; the shape is all Keyless checks of one.
    const token = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialValue */ .No)(body.token, 'a token', where, _credential_value_js__WEBPACK_IMPORTED_MODULE_1__/* .JWT */ .yl);
    ctx.mask(token);
    const expiresAt = expiryOf(token, ctx.now());
    const host = config.url.host;
    return {
        env: {},
        files: [(0,_docker_login_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerLogins */ .Tg)([host], config.robot, token, (secret) => { ctx.mask(secret); })],
        secretOutputs: { password: token },
        // The robot's name is on every push it makes, not a secret; masking it would blank it all over the log.
        publicOutputs: { username: config.robot, host, ...(expiresAt ? { 'expires-at': expiresAt } : {}) },
        info: {
            principal: `${config.robot} at ${host}`,
            ...(expiresAt ? { expiresAt } : {}),
            tokenType: 'Quay robot token (docker config)',
            endpoint: `${url.origin}${url.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,_audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_4__/* .fingerprint */ .R)(token),
        },
        irrevocable: 'Quay offers no revocation of a federated robot token; the docker config is deleted and the token expires on its own (1 hour)',
    };
}
/** The token's own `exp`, for the report and `expires-at` only: read, not trusted, and left out when absurd. */
function expiryOf(token, now) {
    let exp;
    try {
        ({ exp } = (0,jose_jwt_decode__WEBPACK_IMPORTED_MODULE_5__/* .decodeJwt */ .i)(token));
    }
    catch {
        return undefined;
    }
    if (typeof exp !== 'number' || !Number.isFinite(exp) || exp * 1000 <= now || exp * 1000 - now > MAX_LIFETIME_MS)
        return undefined;
    return new Date(exp * 1000).toISOString();
}
/** Quay matches the token's `iss` and `sub` exactly against the robot's federation entries. */
function deniedHint(config, idToken) {
    const { iss, sub } = idToken.claims;
    return (`in Quay, open the robot account ${config.robot} → Set robot federation, and add an entry with issuer ${JSON.stringify(iss)} and ` +
        `subject ${JSON.stringify(sub)}: Quay compares both exactly (no wildcards), so a job on another branch or environment needs its own entry`);
}
/** One login per registry host in the job's docker config: a second entry for the same Quay would silently replace the first. */
function exclusive(config, places) {
    return (0,_docker_login_js__WEBPACK_IMPORTED_MODULE_2__/* .registryHostClaims */ .fF)([config.url.host], places, 'url');
}
const quay = {
    name: 'quay',
    outputs: OUTPUTS,
    read,
    // Quay does not check the audience; the instance's origin keeps the token good for nothing else that does.
    defaultAudience: (config) => config.url.origin,
    exchange,
    exclusive,
};


/***/ }),

/***/ 7410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ decoder),
/* harmony export */   Rd: () => (/* binding */ encoder),
/* harmony export */   WG: () => (/* binding */ encodeBase64),
/* harmony export */   lF: () => (/* binding */ encode),
/* harmony export */   u8: () => (/* binding */ strictDecoder),
/* harmony export */   xW: () => (/* binding */ concat),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
/* unused harmony exports digest, uint32be, uint64be */
const encoder = new TextEncoder(), decoder = new TextDecoder(), strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
function writeUInt32BE(buf, value, offset) {
  if (value < 0 || value >= UINT32_RANGE)
    throw new RangeError(`value must be >= 0 and <= ${UINT32_RANGE - 1}. Received ${value}`);
  buf.set([value >>> 24, value >>> 16, value >>> 8, value & 255], offset);
}
function uint64be(value) {
  const high = Math.floor(value / UINT32_RANGE), low = value % UINT32_RANGE, buf = new Uint8Array(8);
  return writeUInt32BE(buf, high, 0), writeUInt32BE(buf, low, 4), buf;
}
function uint32be(value) {
  const buf = new Uint8Array(4);
  return writeUInt32BE(buf, value), buf;
}
const NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function encodeBase64(input, url = !1) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = !1) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}



/***/ }),

/***/ 7784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ validateCritDuplicates),
/* harmony export */   Fw: () => (/* binding */ validateAlgorithms),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J0: () => (/* binding */ validateB64),
/* harmony export */   MV: () => (/* binding */ encodeAsciiMember),
/* harmony export */   OX: () => (/* binding */ parseJoseHeader),
/* harmony export */   ac: () => (/* binding */ assertNotSet),
/* harmony export */   fV: () => (/* binding */ isJwkSet),
/* harmony export */   fz: () => (/* binding */ isDisjoint),
/* harmony export */   h2: () => (/* binding */ decodeBase64url),
/* harmony export */   ji: () => (/* binding */ serializeJoseHeader),
/* harmony export */   nI: () => (/* binding */ validateCrit),
/* harmony export */   qc: () => (/* binding */ JWS_RECOGNIZED)
/* harmony export */ });
/* unused harmony exports JWE_RECOGNIZED, assertUint8Array */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5674);
/* harmony import */ var _util_base64url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1445);
/* harmony import */ var _buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7410);



function assertUint8Array(input, label) {
  if (!(input instanceof Uint8Array))
    throw new TypeError(`${label} must be an instance of Uint8Array`);
}
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return !1;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return !1;
        parameters.add(parameter);
      }
  return !0;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return (0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return (0,_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .encode */ .lF)(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .strictDecoder */ .u8.decode((0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message);
  return parsed;
}
const JWS_RECOGNIZED = { __proto__: null, b64: !0 }, JWE_RECOGNIZED = { __proto__: null };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JOSENotSupported */ .T0(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JWSInvalid */ .Ye('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return !0;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}



/***/ }),

/***/ 1445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ decode),
/* harmony export */   l: () => (/* binding */ encode)
/* harmony export */ });
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7410);

const invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(typeof input == "string" ? input : _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decoder */ .D0.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode(input) {
  return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeBase64 */ .WG)(typeof input == "string" ? _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encoder */ .Rd.encode(input) : input, !0);
}



/***/ }),

/***/ 7961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ decodeJwt)
/* harmony export */ });
/* harmony import */ var _base64url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1445);
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7410);
/* harmony import */ var _lib_validate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7784);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5674);




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT");
  if (!encodedPayload)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = (0,_base64url_js__WEBPACK_IMPORTED_MODULE_1__/* .decode */ .D)(encodedPayload);
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__/* .strictDecoder */ .u8.decode(claimsSetBytes));
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!(0,_lib_validate_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(claimsSet))
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT Claims Set");
  return claimsSet;
}



/***/ }),

/***/ 5674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ JWKSMultipleMatchingKeys),
/* harmony export */   BT: () => (/* binding */ JWKSNoMatchingKey),
/* harmony export */   Dm: () => (/* binding */ JWKSInvalid),
/* harmony export */   Dp: () => (/* binding */ JWTInvalid),
/* harmony export */   Rb: () => (/* binding */ JOSEAlgNotAllowed),
/* harmony export */   T0: () => (/* binding */ JOSENotSupported),
/* harmony export */   Ye: () => (/* binding */ JWSInvalid),
/* harmony export */   h2: () => (/* binding */ JWSSignatureVerificationFailed),
/* harmony export */   i4: () => (/* binding */ JOSEError),
/* harmony export */   ie: () => (/* binding */ JWTClaimValidationFailed),
/* harmony export */   n: () => (/* binding */ JWTExpired),
/* harmony export */   xb: () => (/* binding */ JWKSTimeout)
/* harmony export */ });
/* unused harmony exports JWEDecryptionFailed, JWEInvalid, JWKInvalid */
class JOSEError extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message, options) {
    super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
}
class JWTClaimValidationFailed extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JWTExpired extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JOSEAlgNotAllowed extends JOSEError {
  static code = "ERR_JOSE_ALG_NOT_ALLOWED";
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class JOSENotSupported extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
}
class JWEDecryptionFailed extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message = "decryption operation failed", options) {
    super(message, options);
  }
}
class JWEInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWE_INVALID"));
  code = "ERR_JWE_INVALID";
}
class JWSInvalid extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
}
class JWKInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWK_INVALID"));
  code = "ERR_JWK_INVALID";
}
class JWKSInvalid extends JOSEError {
  static code = "ERR_JWKS_INVALID";
  code = "ERR_JWKS_INVALID";
}
class JWKSNoMatchingKey extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message = "no applicable key found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSMultipleMatchingKeys extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSTimeout extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message = "request timed out", options) {
    super(message, options);
  }
}
class JWSSignatureVerificationFailed extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message = "signature verification failed", options) {
    super(message, options);
  }
}



/***/ })

};
;