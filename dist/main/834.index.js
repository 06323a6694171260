"use strict";
exports.id = 834;
exports.ids = [834];
exports.modules = {

/***/ 3834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gateSecrets: () => (/* binding */ gateSecrets)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/policy/pins/scan.ts + 2 modules
var scan = __webpack_require__(3962);
// EXTERNAL MODULE: ./src/policy/pins/sources.ts + 1 modules
var sources = __webpack_require__(8013);
;// CONCATENATED MODULE: ./src/policy/secrets/rules.ts
/** What a stored secret is, by the Keyless provider that replaces it. */
const KINDS = (/* unused pure expression or super */ null && (['aws', 'gcp', 'azure', 'docker', 'npm', 'pypi', 'crates', 'rubygems', 'vault', 'jfrog', 'github-pat', 'secrets-inherit', 'all-secrets', 'unknown']));
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
var quay = __webpack_require__(9171);
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
// EXTERNAL MODULE: ./src/os/paths.ts
var paths = __webpack_require__(6186);
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



const LEVELS = (/* unused pure expression or super */ null && (['none', 'low', 'medium', 'high']));
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

;// CONCATENATED MODULE: ./src/policy/secrets/gate.ts




/**
 * `secrets-policy`: the stored secrets the workflows pin-scope names (and the local actions and reusable
 * workflows they use) read, each an annotation naming the Keyless entry that replaces it. Under `warn` it
 * never throws; under `enforce` a finding or a file it could not check fails the step before a runner
 * token is requested.
 */
async function gateSecrets(config, deps) {
    const report = { findings: [], problems: [] };
    try {
        const queue = await (0,sources/* readSources */.tW)(config, deps, report);
        const seen = new Set();
        for (let source = queue.shift(); source; source = queue.shift()) {
            if (seen.has(source.file))
                continue;
            seen.add(source.file);
            let locals;
            try {
                report.findings.push(...inventory(source.file, source.text));
                locals = (0,scan/* localUses */.ms)(source.file, source.text);
            }
            catch (error) {
                report.problems.push((0,sources/* problem */.CC)(error, source.file));
                continue;
            }
            queue.push(...(await (0,sources/* localSources */.Yk)(source, locals, deps, config.githubToken, report)));
        }
    }
    catch (error) {
        report.problems.push((0,sources/* problem */.CC)(error));
    }
    annotate(report, config, deps.runner);
    if (config.secretsPolicy !== 'enforce')
        return report;
    const [first] = report.problems;
    if (first) {
        throw new errors/* KeylessError */.FM('POLICY_SECRET_VIOLATION', `the stored-secret check could not be completed, so no credential was requested: ${first.message}`, { hint: first.hint ?? 'see the annotations' });
    }
    if (report.findings.length > 0) {
        throw new errors/* KeylessError */.FM('POLICY_SECRET_VIOLATION', `${report.findings.length} use(s) of stored secrets in the checked workflows, so no credential was requested`, {
            hint: 'replace each with the Keyless entry the annotation names (keyless secrets prints them), or use secrets-policy: warn while migrating',
        });
    }
    return report;
}
function annotate(report, config, runner) {
    const say = config.secretsPolicy === 'enforce' ? runner.error.bind(runner) : runner.warning.bind(runner);
    for (const f of report.findings) {
        const replace = f.replacement === null ? 'no Keyless provider replaces it' : `a Keyless entry replaces it (keyless secrets ${f.file} prints it)`;
        say(`secrets.${f.secret} is a stored ${f.kind} secret (${f.confidence} confidence): ${replace}`, { title: 'Keyless stored secret', file: f.file, line: f.line });
    }
    for (const p of report.problems)
        say(`stored-secret check incomplete: [${p.code}] ${p.message}${p.hint ? ` — ${p.hint}` : ''}`, { title: 'Keyless secrets policy', ...(p.file ? { file: p.file } : {}) });
}


/***/ })

};
;