import manifest from '../package.json' with { type: 'json' };

// package.json is the one place the version and the project's home are written: the bundler copies
// these two fields into dist/ (and nothing else from the manifest), so a release bump cannot miss one.

/** The package version `keyless --version` prints. */
export const VERSION: string = manifest.version;

/** The project's home page, where reports (SARIF `informationUri`) send a reader for the rules. */
export const HOMEPAGE: string = manifest.homepage;
