"use strict";
exports.id = 655;
exports.ids = [655];
exports.modules = {

/***/ 2655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EXEC_CONFIG_VARIABLE: () => (/* binding */ EXEC_CONFIG_VARIABLE),
/* harmony export */   readExecHandoff: () => (/* binding */ readExecHandoff),
/* harmony export */   writeExecHandoff: () => (/* binding */ writeExecHandoff)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_exec_inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6587);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2868);
/* harmony import */ var _os_regular_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7837);
/* harmony import */ var _runner_owned_path_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8871);








// The step checks `export: exec` entries and leaves their settings in a file for a later `keyless exec`.
// Any later step of the job can rewrite that file, or point the variable elsewhere: exec reads it as
// hostile input and checks it as fully as the step checked its inputs (loadConfig), never trusting it more.
/** The variable the step exports the file's path in. */
const EXEC_CONFIG_VARIABLE = 'KEYLESS_EXEC_CONFIG';
const FILE = 'exec.json';
const FOLDER = 'keyless-exec-';
const MAX_BYTES = 1 << 20;
const KEYS = ['credentials', ..._config_exec_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .EXEC_KEYS */ .f];
/** Writes the checked settings (0600, a fresh folder the post step deletes); returns the file's path. */
function writeExecHandoff(inputs, env, cleanup) {
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), FOLDER));
    cleanup.record({ kind: 'path', path: dir });
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, FILE);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, JSON.stringify({ version: 1, inputs }), { mode: 0o600, flag: 'wx' });
    return path;
}
const refused = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .KeylessError */ .FM('INPUT_INVALID', `${EXEC_CONFIG_VARIABLE} does not name settings a Keyless step wrote: ${why}`, {
    hint: 'run keyless exec in a later step of the job whose Keyless step has export: exec entries (an earlier step may have changed the variable or the file), or pass --credentials or --policy-file',
});
/**
 * The settings the step left, as inputs: only from a regular file (never a link) in a keyless-exec-* folder
 * directly under RUNNER_TEMP, at most 1 MiB, of the one shape the step writes. The caller validates the
 * values themselves with loadConfig, exactly as the step did.
 */
function readExecHandoff(path, env) {
    const temp = env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)();
    const real = (0,_runner_owned_path_js__WEBPACK_IMPORTED_MODULE_6__/* .ownedPath */ .bD)(path, temp);
    if (real === undefined || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(real) !== FILE || !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(real)).startsWith(FOLDER) || !isDirectlyUnder((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(real), temp)) {
        throw refused('it is not a keyless-exec-*/exec.json file under RUNNER_TEMP');
    }
    let text;
    try {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(real).isSymbolicLink())
            throw new Error('a link');
        // O_NOFOLLOW (where there is one): a link swapped in after the look above is refused by the open itself.
        text = (0,_os_regular_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readRegularFile */ .X)(real, { maxBytes: MAX_BYTES, hint: '', unreadableHint: '', noFollow: true }).toString('utf8');
    }
    catch (error) {
        throw refused(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .KeylessError */ .FM && error.code === 'INPUT_TOO_LARGE' ? 'it is larger than 1 MiB' : 'it is not a regular file that can be read (a link never is)');
    }
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        throw refused('it is not JSON');
    }
    if (!(0,_http_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(raw) || raw.version !== 1 || !(0,_http_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(raw.inputs) || Object.keys(raw).length !== 2)
        throw refused('it is not {"version":1,"inputs":{…}}');
    const inputs = {};
    for (const [key, value] of Object.entries(raw.inputs)) {
        const name = KEYS.find((known) => known === key);
        if (name === undefined || typeof value !== 'string')
            throw refused('it holds a setting exec does not take');
        inputs[name] = value;
    }
    if (inputs.credentials === undefined)
        throw refused('it holds no credentials');
    return inputs;
}
/** Whether `folder` (a real path) lies directly in RUNNER_TEMP, not deeper inside one of Keyless's folders. */
function isDirectlyUnder(folder, temp) {
    try {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(folder) === (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(temp);
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 8871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SP: () => (/* binding */ exactOwnedPath),
/* harmony export */   bD: () => (/* binding */ ownedPath)
/* harmony export */ });
/* unused harmony exports ownedRoots, isOwned */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _os_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6186);



/** The roots of a job as its environment names them. */
function ownedRoots(env, temp) {
    return { temp, workspace: env.GITHUB_WORKSPACE || undefined };
}
/**
 * The path as it really lies, when that is inside one of the folders main creates. The parent is resolved
 * (a symlinked folder on the way could point anywhere); the last component is not, so a link is removed,
 * never followed.
 */
function ownedPath(file, roots) {
    const { temp, workspace } = typeof roots === 'string' ? { temp: roots, workspace: undefined } : roots;
    let real;
    try {
        real = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file)), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file));
    }
    catch {
        return undefined;
    }
    if (ownedUnder(real, temp, 'keyless-'))
        return real;
    if (workspace !== undefined && ownedUnder(real, workspace, '.keyless-'))
        return real;
    return undefined;
}
/**
 * `file`, absolute, when it lies in one of the folders main creates and nothing on the way below the root,
 * itself included, is a link: the exact place main recorded, not one a later step redirected to another
 * folder of Keyless's or its own. For a path handed to a tool that follows links (az), or given a token.
 * The root itself may be a link (RUNNER_TEMP under /var on macOS): the runner chose it, no step.
 */
function exactOwnedPath(file, roots) {
    const { temp, workspace } = typeof roots === 'string' ? { temp: roots, workspace: undefined } : roots;
    const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(file);
    const places = [[temp, 'keyless-'], [workspace, '.keyless-']];
    for (const [root, prefix] of places) {
        if (root === undefined)
            continue;
        for (const base of rootForms(root)) {
            const rel = (0,_os_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .inside */ .nx)(base, absolute);
            if (rel === undefined || !(rel.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep))[0] ?? '').startsWith(prefix))
                continue;
            return linkFree(base, rel) ? absolute : undefined;
        }
    }
    return undefined;
}
/** A root as named, and as it really lies: a path may be given in either form. */
function rootForms(root) {
    try {
        return [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root)];
    }
    catch {
        return [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root)];
    }
}
function linkFree(base, rel) {
    let at = base;
    for (const part of rel.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep))) {
        at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(at, part);
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(at, { throwIfNoEntry: false });
        if (stats === undefined || stats.isSymbolicLink())
            return false;
    }
    return true;
}
function ownedUnder(real, root, prefix) {
    try {
        return isOwned(real, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root), (node_path__WEBPACK_IMPORTED_MODULE_1___default()), prefix);
    }
    catch {
        return false;
    }
}
/** Whether `real` is, or lies in, an entry named `prefix*` directly under `root` (both real paths). */
function isOwned(real, root, flavour = (node_path__WEBPACK_IMPORTED_MODULE_1___default()), prefix = 'keyless-') {
    const rel = (0,_os_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .inside */ .nx)(root, real, flavour);
    const top = rel?.split(flavour.sep)[0] ?? '';
    return top.startsWith(prefix);
}


/***/ })

};
;