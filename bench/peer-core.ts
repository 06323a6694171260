// A peer-shaped main step, built only for the bench: @actions/core's getIDToken, then an
// @actions/http-client form POST, then export and mask, as the core-based peer actions do it.
import * as core from '@actions/core';
import { HttpClient } from '@actions/http-client';

async function main(): Promise<void> {
  const jwt = await core.getIDToken(core.getInput('audience'));
  const client = new HttpClient('peer');
  const body = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange', subject_token: jwt, subject_token_type: 'urn:ietf:params:oauth:token-type:jwt' });
  const response = await client.post(core.getInput('token-endpoint'), body.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
  const parsed = JSON.parse(await response.readBody()) as { access_token: string };
  core.setSecret(parsed.access_token);
  core.exportVariable('TOKEN', parsed.access_token);
}

main().catch((error: unknown) => core.setFailed(String(error)));
