import type { ExclusiveClaim } from './types.js';

/**
 * An entry that hands its token to later steps under a fixed variable name takes that name: a second entry
 * exporting the same name (two crates entries, an rfc8693 and a github entry both on GH_TOKEN) would
 * silently replace the first's token in the job, or in the one environment `keyless exec` gives COMMAND.
 * Names compare upper-cased, as Windows runners read them.
 */
export function variableClaims(names: readonly string[], exportsEnv: boolean, remedy: string): ExclusiveClaim[] {
  if (!exportsEnv) return [];
  const listed = names.join(', ');
  return [{ key: `variable ${(names[0] ?? '').toUpperCase()}`, message: (other) => `exports ${listed}, as ${other} does; the later token would silently replace the earlier: ${remedy}` }];
}
