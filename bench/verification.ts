// Verification cost per bundle: Keyless's verifyBundle (binding checks, anchored policy, validity
// checks) against calling @sigstore/verify directly with the same inputs. Both parse the bundle and build
// trust material on every call, as a one-shot step does.
import { existsSync, readFileSync } from 'node:fs';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { verifyBundle } from '../src/policy/sigstore/verify.js';

const IDENTITY = 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';

export function benchVerification(corpus: string, runs: number): { keyless: number; direct: number } | undefined {
  if (!existsSync(`${corpus}/manifest.json`)) return undefined;
  const bundle = JSON.parse(readFileSync(`${corpus}/bundle-verify/happy-path-v0.3/bundle.sigstore.json`, 'utf8')) as unknown;
  const artifact = readFileSync(`${corpus}/bundle-verify/a.txt`);
  const root = JSON.parse(readFileSync(`${corpus}/trust/production_trusted_root.json`, 'utf8')) as unknown;
  const keyless = () => verifyBundle({ bundle, artifact: { bytes: artifact }, trustedRoot: root, policy: { identity: IDENTITY, issuer: ISSUER } });
  const direct = () =>
    new Verifier(toTrustMaterial(TrustedRoot.fromJSON(root))).verify(toSignedEntity(bundleFromJSON(bundle), artifact), {
      subjectAlternativeName: new RegExp(`^${IDENTITY.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
      extensions: { issuer: ISSUER },
    });
  const times = { keyless: [] as number[], direct: [] as number[] };
  for (let i = 0; i < runs * 4 + 20; i++) {
    for (const [name, fn] of [['keyless', keyless], ['direct', direct]] as const) {
      const start = performance.now();
      fn();
      if (i >= 20) times[name].push(performance.now() - start);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { keyless: median(times.keyless), direct: median(times.direct) };
}
