import { startQuay } from '../fakes/quay.js';
import type { HostileSetup } from './hostile-worlds.js';

// The quay world of test/e2e/hostile-worlds.ts: the federation answer is what is poisoned.

export function quayWorlds(outputs: (id: string, names: string[]) => string[]): HostileSetup[] {
  return [
    async (w, claims) => {
      const quay = w.adopt(await startQuay({ trustedIssuer: w.runner.issuer, robots: { 'acme+ci': [{ issuer: w.runner.issuer, subject: String(claims.sub) }] } }));
      const host = new URL(quay.url).host;
      return {
        credentials: `- provider: quay\n  url: ${quay.url}\n  robot: acme+ci`,
        target: quay,
        exchange: /^GET \/oauth2\/federation\/robot\/token$/,
        secretKeys: ['token'],
        errors: [{ body: { error: 'Token does not match robot' } }],
        env: ['DOCKER_CONFIG', 'REGISTRY_AUTH_FILE', 'BUILDX_CONFIG'],
        outputs: outputs('quay', ['username', 'host', 'expires-at']),
        files: { 'config.json': { format: 'json', keys: ['auths', 'cliPluginsExtraDirs'], sections: { auths: [host] } } },
      };
    },
  ];
}
