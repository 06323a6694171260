import type { ExclusiveClaim, VariablePlaces } from './types.js';

/**
 * An entry that hands its token to later steps under a fixed variable name takes that name (`export: env`)
 * or NAME_FILE (`export: file`): a second entry taking the same (two crates entries, an rfc8693 and a
 * github entry both on GH_TOKEN) would silently replace the first's token in the job, or in the one
 * environment `keyless exec` gives COMMAND. Names compare upper-cased, as Windows runners read them.
 */
export function variableClaims(names: readonly string[], places: VariablePlaces, remedy: string): ExclusiveClaim[] {
  const first = (names[0] ?? '').toUpperCase();
  return [...places].map((place) => {
    const taken = place === 'env' ? names.join(', ') : names.map((name) => `${name}_FILE`).join(', ');
    return { key: `variable ${first}${place === 'env' ? '' : '_FILE'}`, message: (other) => `exports ${taken}, as ${other} does; the later token would silently replace the earlier: ${remedy}` };
  });
}
