// The floor under any main step on these fakes, built only for the bench: the same two requests as the
// peers over bare node:http, no parsing, no checks, no dependencies. No action can start faster.
import { appendFileSync } from 'node:fs';
import { request } from 'node:http';

function call(url, options = {}, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, options, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const { ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: bearer } = process.env;
const { value: jwt } = await call(`${url}&audience=${encodeURIComponent(process.env.INPUT_AUDIENCE)}`, { headers: { authorization: `Bearer ${bearer}` } });
console.log(`::add-mask::${jwt}`);
const body = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange', subject_token: jwt, subject_token_type: 'urn:ietf:params:oauth:token-type:jwt' }).toString();
const { access_token: token } = await call(process.env['INPUT_TOKEN-ENDPOINT'], { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, body);
console.log(`::add-mask::${token}`);
appendFileSync(process.env.GITHUB_ENV, `TOKEN<<EOF_DELIM\n${token}\nEOF_DELIM\n`);
