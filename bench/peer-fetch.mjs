// A peer-shaped main step, built only for the bench: no dependencies, Node's fetch, raw workflow
// commands — the shape of the smallest peer (octo-sts/action) as read in ../shared/research.
import { appendFileSync } from 'node:fs';

const { ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: bearer } = process.env;
const oidc = await fetch(`${url}&audience=${encodeURIComponent(process.env.INPUT_AUDIENCE)}`, { headers: { authorization: `Bearer ${bearer}` } });
const { value: jwt } = await oidc.json();
console.log(`::add-mask::${jwt}`);
const body = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange', subject_token: jwt, subject_token_type: 'urn:ietf:params:oauth:token-type:jwt' });
const res = await fetch(process.env['INPUT_TOKEN-ENDPOINT'], { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const { access_token: token } = await res.json();
console.log(`::add-mask::${token}`);
appendFileSync(process.env.GITHUB_ENV, `TOKEN<<EOF_DELIM\n${token}\nEOF_DELIM\n`);
