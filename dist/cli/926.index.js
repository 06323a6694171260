export const id = 926;
export const ids = [926];
export const modules = {

/***/ 1926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createRunner: () => (/* binding */ createRunner)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/runner/commands.ts
// The runner's workflow-command and environment-file protocols, as documented by GitHub
// ("Workflow commands for GitHub Actions"). Written here rather than imported from @actions/core,
// whose import alone costs more start-up than the whole exchange.
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function command(name, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
    return `::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}\n`;
}
/**
 * One `name<<delimiter` record of GITHUB_ENV/OUTPUT/STATE. The delimiter is random per record, so a
 * value cannot end the record early and inject another variable.
 */
function fileRecord(name, value, delimiter) {
    if (name.includes('\n') || name.includes('=') || value.includes(delimiter)) {
        throw new Error(`refusing to write ${name}: it contains the record delimiter or a newline`);
    }
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

// EXTERNAL MODULE: ./src/runner/inert.ts
var inert = __webpack_require__(7474);
;// CONCATENATED MODULE: ./src/runner/mask.ts
/**
 * The set of secret strings this run has seen. Every one is announced to the runner with `add-mask`
 * before it is used anywhere, and `redact` removes them from text the runner does not mask itself
 * (the job summary, files, error messages built from server replies).
 */
/**
 * The shortest secret, and the shortest line of a multi-line one, that can be masked: the runner blanks
 * every occurrence of a masked string, so a short one would blank common text, and a short line of a
 * multi-line secret would show in the log. No issuer mints credentials this short.
 */
const MIN_SECRET_LENGTH = 8;
class SecretSet {
    #values = new Set();
    /** The forms to mask for one secret: itself, each of its lines, and its URL- and JSON-escaped forms. */
    static forms(secret) {
        const forms = new Set([secret]);
        for (const line of secret.split(/\r\n|\r|\n/))
            if (line.trim() !== '')
                forms.add(line);
        forms.add(encodeURIComponent(secret));
        forms.add(JSON.stringify(secret).slice(1, -1));
        return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
    }
    /** True when the secret, or a line of it, is too short to be masked (see MIN_SECRET_LENGTH). */
    static unmaskable(secret) {
        return secret.split(/\r\n|\r|\n/).some((line) => line.trim().length < MIN_SECRET_LENGTH && (line.trim() !== '' || secret.trim() === ''));
    }
    /** Adds the secret; returns the forms that were new, which the caller must announce. */
    add(secret) {
        const added = SecretSet.forms(secret).filter((form) => !this.#values.has(form));
        for (const form of added)
            this.#values.add(form);
        return added;
    }
    redact(text) {
        let out = text;
        // Longest first, so a secret that contains another is replaced whole.
        for (const value of [...this.#values].sort((a, b) => b.length - a.length))
            out = out.split(value).join('***');
        return out;
    }
}

;// CONCATENATED MODULE: ./src/runner/runner.ts





/**
 * A record delimiter. fileRecord refuses any value that contains it, so it need not be unpredictable,
 * only unlikely to collide; that keeps node:crypto off the start path.
 */
function delimiter() {
    return `ghadelimiter_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}
/** The longest line Keyless prints; runners and log viewers handle far more, but no message of Keyless's needs it. */
const MAX_LINE = 4000;
function createRunner(env, write) {
    const secrets = new SecretSet();
    const appendTo = (variable, name, value) => {
        const file = env[variable];
        if (file === undefined || file === '') {
            throw new errors/* KeylessError */.FM('INPUT_INVALID', `${variable} is not set, so ${name} cannot be handed to the job`, {
                hint: 'run Keyless as a GitHub Actions step (or set the runner file variables when testing locally)',
            });
        }
        (0,external_node_fs_.appendFileSync)(file, fileRecord(name, value, delimiter()));
    };
    // Every line Keyless prints: secrets removed first (a masked form may span what inert would flatten), then made inert.
    // Bounded too: a server that answers with megabytes must not flood the job log.
    const line = (text) => {
        const flat = (0,inert/* inert */.tJ)(secrets.redact(text));
        return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE)}… (${flat.length - MAX_LINE} more characters)` : flat;
    };
    const annotate = (name, message, properties = {}) => {
        const props = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, typeof value === 'string' ? line(value) : value]));
        write(command(name, line(message), props));
    };
    return {
        env,
        mask(secret) {
            if (SecretSet.unmaskable(secret)) {
                throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `a secret value of ${secret.length} character(s) (or with a line that short) cannot be masked in the log, so it is refused`, {
                    hint: `the service answered with a credential shorter than ${MIN_SECRET_LENGTH} characters; report it to its operator`,
                });
            }
            for (const form of secrets.add(secret))
                write(`::add-mask::${escapeData(form)}\n`);
        },
        redact: (text) => secrets.redact(text),
        exportVariable: (name, value) => { appendTo('GITHUB_ENV', name, value); },
        setOutput: (name, value) => { appendTo('GITHUB_OUTPUT', name, value); },
        saveState: (name, value) => { appendTo('GITHUB_STATE', name, value); },
        addPath(dir) {
            // GITHUB_PATH is one folder a line: a line break in a folder's name would add a second, chosen by whoever named it.
            if (/[\r\n\0]/.test(dir)) {
                throw new errors/* KeylessError */.FM('INPUT_INVALID', 'a folder to add to PATH has a line break or NUL in its name', {
                    hint: 'keep tools in folders whose names hold no control characters',
                });
            }
            const file = env.GITHUB_PATH;
            if (file)
                (0,external_node_fs_.appendFileSync)(file, `${dir}\n`);
        },
        appendSummary(markdown) {
            const file = env.GITHUB_STEP_SUMMARY;
            if (file)
                (0,external_node_fs_.appendFileSync)(file, `${secrets.redact(markdown)}\n`);
        },
        info: (message) => { write(`${line(message)}\n`); },
        warning: (message, properties) => { annotate('warning', message, properties); },
        error: (message, properties) => { annotate('error', message, properties); },
        group: (title) => { write(`::group::${escapeData(line(title))}\n`); },
        endGroup: () => { write('::endgroup::\n'); },
    };
}


/***/ })

};
