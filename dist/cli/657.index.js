"use strict";
exports.id = 657;
exports.ids = [657];
exports.modules = {

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
    return 'other';
}

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
        case 'other':
            return { replacement: null, setup: null, note: 'Docker Hub and other registries without an OIDC exchange still need their password: no provider replaces it' };
    }
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


/***/ })

};
;