import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFake } from '../fakes/http-fake.js';
import { errorCodes, world } from './setup.js';

// tuf-refresh keeps its TUF metadata in RUNNER_TEMP/keyless-tuf; like every folder main makes there, post
// deletes it (the harness fails a post step that leaves anything main created).

describe('tuf-refresh', () => {
  it('leaves no TUF cache behind after post, whether or not the mirror answered', async () => {
    const w = await world();
    const mirror = w.adopt(Object.assign(await startFake({}), { issued: [] as string[] }));
    writeFileSync(join(w.job.workspace, 'tool'), 'a tool\n');
    const tools = `- name: tool\n  path: tool\n  sha256: ${'a'.repeat(64)}\n  bundle: tool.sigstore.json\n  key: key.pem`;
    const { main, post } = await w.job2({ tools, 'tuf-refresh': 'true', 'tuf-mirror': mirror.url });
    expect(main.stdout).toMatch(/^::warning title=Keyless trust root::TUF refresh from/m);
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(post.code).toBe(0);
  });
});
