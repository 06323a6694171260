import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStep } from '../fakes/runner-harness.js';
import { actionYml, dist, world } from './setup.js';

describe('start path', () => {
  it('a credentials-only run never loads the Sigstore or proxy code: it works with those chunks deleted', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'keyless-dist-'));
    cpSync(dist, copy, { recursive: true });
    const removed: string[] = [];
    for (const chunk of readdirSync(join(copy, 'main')).filter((f) => /^\d+\.index\.js$/.test(f))) {
      const text = readFileSync(join(copy, 'main', chunk), 'utf8');
      if (/@sigstore|toTrustMaterial|undici/.test(text)) {
        rmSync(join(copy, 'main', chunk));
        removed.push(chunk);
      }
    }
    expect(removed.length).toBeGreaterThanOrEqual(2);

    const w = await world();
    const credentials = `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}`;
    const main = await runStep(join(copy, 'main.js'), { ...w.options({ credentials }), actionYml });
    expect(main.stderr).toBe('');
    expect(main.code).toBe(0);
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
  });
});
