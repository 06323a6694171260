import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStep } from '../fakes/runner-harness.js';
import { dist, oidcAudiences, tokenRequests, world } from './setup.js';

// What @github/local-action does with `local-action run . dist/main.js .env --post dist/post.js`: it
// imports each entry into its own process, one after the other, and calls the run() it exports.
const IMPORTER = `import { pathToFileURL } from 'node:url';
const [main, post] = process.argv.slice(2);
const entry = await import(pathToFileURL(main).href);
if (process.env.CALL_RUN === 'true') await entry.run();
if (post) await (await import(pathToFileURL(post).href)).run();
`;

describe('the step entries imported by a debugger', () => {
  it('export run(), and main runs once, when called, not on import', async () => {
    const w = await world();
    const importer = join(w.job.root, 'importer.mjs');
    writeFileSync(importer, IMPORTER);
    const credentials = `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}`;
    const imported = await runStep(importer, { ...w.options({ credentials }), args: [join(dist, 'main.js')] });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('');
    expect(oidcAudiences(w.runner)).toEqual([]);

    const called = await runStep(importer, { ...w.options({ credentials }, { CALL_RUN: 'true' }), args: [join(dist, 'main.js'), join(dist, 'post.js')] });
    expect(called.code).toBe(0);
    expect(tokenRequests(w.server)).toHaveLength(1);
    expect(called.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
    // In one process post has no STATE_* from main (the runner's hand-off): it finds nothing to undo.
    expect(called.lines.filter((line) => line.startsWith('::error'))).toEqual([]);
    w.expectNoLeaks([imported, called]);
  });
});
