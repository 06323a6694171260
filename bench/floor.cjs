// The floor under any main step, built only for the bench: a dependency-free CommonJS script on bare
// node:http, started as the runner starts an action, making exactly the requests Keyless makes for the
// same job (one runner token, one exchange), masking what it receives and writing the env record. No
// parsing of inputs, no checks, no files, no audit: no action doing this job can start and finish faster.
// INPUT_TOKEN-ENDPOINT makes it the rfc8693 job; INPUT_STS-ENDPOINT (with INPUT_ROLE, INPUT_REGION) the aws one.
'use strict';
const { appendFileSync, writeSync } = require('node:fs');
const { request } = require('node:http');

function call(url, options, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, options, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const post = (url, form, accept) => call(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept } }, new URLSearchParams(form).toString());
// Straight to fd 1, as Keyless writes: creating process.stdout would cost the floor a few milliseconds.
const mask = (secret) => writeSync(1, `::add-mask::${secret}\n`);
const exportVariables = (variables) => {
  appendFileSync(process.env.GITHUB_ENV, Object.entries(variables).map(([name, value]) => `${name}<<EOF_DELIM\n${value}\nEOF_DELIM\n`).join(''));
};

async function runnerToken(audience) {
  const { ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: bearer } = process.env;
  const { value } = JSON.parse(await call(`${url}&audience=${encodeURIComponent(audience)}`, { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' } }));
  mask(value);
  return value;
}

async function rfc8693(env) {
  const jwt = await runnerToken(env.INPUT_AUDIENCE);
  const form = { grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange', subject_token: jwt, subject_token_type: 'urn:ietf:params:oauth:token-type:jwt' };
  const { access_token: token } = JSON.parse(await post(env['INPUT_TOKEN-ENDPOINT'], form, 'application/json'));
  mask(token);
  exportVariables({ KEYLESS_TOKEN: token });
}

async function aws(env) {
  const jwt = await runnerToken('sts.amazonaws.com');
  const form = { Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: env.INPUT_ROLE, RoleSessionName: 'floor', WebIdentityToken: jwt, DurationSeconds: '3600' };
  const xml = await post(env['INPUT_STS-ENDPOINT'], form, 'text/xml');
  const field = (name) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)[1];
  const keys = { AWS_ACCESS_KEY_ID: field('AccessKeyId'), AWS_SECRET_ACCESS_KEY: field('SecretAccessKey'), AWS_SESSION_TOKEN: field('SessionToken') };
  for (const secret of Object.values(keys)) mask(secret);
  exportVariables({ ...keys, AWS_REGION: env.INPUT_REGION, AWS_DEFAULT_REGION: env.INPUT_REGION });
}

(process.env['INPUT_STS-ENDPOINT'] ? aws : rfc8693)(process.env).catch((error) => {
  writeSync(1, `::error::${String(error)}\n`);
  process.exitCode = 1;
});
