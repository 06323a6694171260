import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeylessError } from '../../../../src/errors.js';
import { createHttpClient } from '../../../../src/http/client.js';
import { downloadTool } from '../../../../src/policy/tools/download.js';
import type { ToolSpec } from '../../../../src/policy/tools/types.js';
import { type Fake, json, type Route, startFake } from '../../../fakes/http-fake.js';

// downloadTool against a loopback release server: the redirects a release download takes, each re-checked;
// one deadline over all of them; errors that name the URL without its query (a pre-signed URL's query is a credential).

let fake: Fake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const BYTES = Buffer.from('#!/bin/sh\necho released tool\n');

function tool(url: string, extra: Partial<ToolSpec> = {}): ToolSpec & { url: URL } {
  return { name: 'scanner', url: new URL(url), extract: 'none', addToPath: false, maxBytes: 1024, maxExtractedBytes: 0, maxEntries: 0, timeoutMs: 5_000, extensions: {}, ...extra };
}

async function server(routes: Record<string, Route>): Promise<string> {
  fake = await startFake(routes);
  return fake.url;
}

const dir = () => mkdtempSync(join(tmpdir(), 'keyless-download-'));
const http = () => createHttpClient({ maxAttempts: 2, backoffBaseMs: 5, backoffCapMs: 5 });

async function refusal(promise: Promise<unknown>): Promise<KeylessError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KeylessError);
  return error as KeylessError;
}

describe('downloadTool', () => {
  it('follows a release redirect to the object store and saves under the released file name', async () => {
    const base = await server({
      'GET /releases/download/v1/scanner-linux': (_req, res) => { res.writeHead(302, { location: '/objects/abc?sig=secret-signature' }).end(); },
      'GET /objects/abc': (req, res) => {
        expect(req.query.get('sig')).toBe('secret-signature');
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(BYTES);
      },
    });
    const folder = dir();
    const file = await downloadTool(tool(`${base}/releases/download/v1/scanner-linux`), folder, http());
    expect(file).toBe(join(folder, 'scanner-linux'));
    expect(readFileSync(file).equals(BYTES)).toBe(true);
  });

  it('takes the tool name when the URL path names no file', async () => {
    const base = await server({ 'GET /': (_req, res) => { res.writeHead(200).end(BYTES); } });
    const folder = dir();
    expect(await downloadTool(tool(`${base}/`), folder, http())).toBe(join(folder, 'scanner'));
  });

  it('refuses a redirect off https (to plain http on another host)', async () => {
    const base = await server({ 'GET /t': (_req, res) => { res.writeHead(302, { location: 'http://downloads.example.com/t' }).end(); } });
    const error = await refusal(downloadTool(tool(`${base}/t`), dir(), http()));
    expect(error.code).toBe('HTTP_INSECURE_URL');
  });

  it('stops after 5 redirects', async () => {
    let hops = 0;
    const base = await server({
      'GET /loop': (_req, res) => {
        hops++;
        res.writeHead(302, { location: `/loop?n=${hops}` }).end();
      },
    });
    const error = await refusal(downloadTool(tool(`${base}/loop`), dir(), http()));
    expect(error.code).toBe('TOOL_UNVERIFIED');
    expect(error.message).toBe(`${base} redirected more than 5 times`);
    expect(hops).toBe(6);
  });

  it('names a failed download by origin and path, never by its query', async () => {
    const base = await server({ 'GET /gone': (_req, res) => { json(res, 404, { message: 'Not Found' }); } });
    const error = await refusal(downloadTool(tool(`${base}/gone?token=pre-signed-secret`), dir(), http()));
    expect(error.code).toBe('TOOL_UNVERIFIED');
    expect(error.message).toBe(`downloading ${base}/gone answered HTTP 404`);
  });

  it('ends the whole download, redirects and retries included, at the tool deadline', async () => {
    const base = await server({
      'GET /slow': (_req, res) => { res.writeHead(302, { location: '/slower' }).end(); },
      'GET /slower': (_req, res) => {
        res.writeHead(200, { 'content-length': String(BYTES.length) });
        res.write(BYTES.subarray(0, 4));
      },
    });
    const started = Date.now();
    const error = await refusal(downloadTool(tool(`${base}/slow`, { timeoutMs: 400 }), dir(), http()));
    expect(error.code).toBe('HTTP_TIMEOUT');
    expect(error.message).toBe(`the download of ${base}/slow did not finish within 0.4 s`);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('refuses a file over the tool cap: by its declared length before writing a byte, else by the bytes that came', async () => {
    const base = await server({
      'GET /declared': (_req, res) => { res.writeHead(200, { 'content-length': '4096' }).end(Buffer.alloc(4096, 1)); },
      'GET /chunked': (_req, res) => {
        res.writeHead(200);
        res.write(Buffer.alloc(1000, 1));
        res.end(Buffer.alloc(3096, 1));
      },
    });
    const folder = dir();
    expect((await refusal(downloadTool(tool(`${base}/declared`, { maxBytes: 1024 }), folder, http()))).code).toBe('HTTP_TOO_LARGE');
    expect(existsSync(join(folder, 'declared'))).toBe(false);
    expect((await refusal(downloadTool(tool(`${base}/chunked`, { maxBytes: 1024 }), folder, http()))).code).toBe('HTTP_TOO_LARGE');
    expect(readFileSync(join(folder, 'chunked')).length).toBeLessThanOrEqual(1024);
  });
});
