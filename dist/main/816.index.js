export const id = 816;
export const ids = [816];
export const modules = {

/***/ 816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ecrLogins: () => (/* binding */ ecrLogins)
});

;// CONCATENATED MODULE: ./node_modules/aws4fetch/dist/aws4fetch.esm.mjs
/**
 * @license MIT <https://opensource.org/licenses/MIT>
 * @copyright Michael Hart 2024
 */
const encoder = new TextEncoder();
const HOST_SERVICES = {
  appstream2: 'appstream',
  cloudhsmv2: 'cloudhsm',
  email: 'ses',
  marketplace: 'aws-marketplace',
  mobile: 'AWSMobileHubService',
  pinpoint: 'mobiletargeting',
  queue: 'sqs',
  'git-codecommit': 'codecommit',
  'mturk-requester-sandbox': 'mturk-requester',
  'personalize-runtime': 'personalize',
};
const UNSIGNABLE_HEADERS = new Set([
  'authorization',
  'content-type',
  'content-length',
  'user-agent',
  'presigned-expires',
  'expect',
  'x-amzn-trace-id',
  'range',
  'connection',
]);
class AwsClient {
  constructor({ accessKeyId, secretAccessKey, sessionToken, service, region, cache, retries, initRetryMs }) {
    if (accessKeyId == null) throw new TypeError('accessKeyId is a required option')
    if (secretAccessKey == null) throw new TypeError('secretAccessKey is a required option')
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.sessionToken = sessionToken;
    this.service = service;
    this.region = region;
    this.cache = cache || new Map();
    this.retries = retries != null ? retries : 10;
    this.initRetryMs = initRetryMs || 50;
  }
  async sign(input, init) {
    if (input instanceof Request) {
      const { method, url, headers, body } = input;
      init = Object.assign({ method, url, headers }, init);
      if (init.body == null && headers.has('Content-Type')) {
        init.body = body != null && headers.has('X-Amz-Content-Sha256') ? body : await input.clone().arrayBuffer();
      }
      input = url;
    }
    const signer = new AwsV4Signer(Object.assign({ url: input.toString() }, init, this, init && init.aws));
    const signed = Object.assign({}, init, await signer.sign());
    delete signed.aws;
    try {
      return new Request(signed.url.toString(), signed)
    } catch (e) {
      if (e instanceof TypeError) {
        return new Request(signed.url.toString(), Object.assign({ duplex: 'half' }, signed))
      }
      throw e
    }
  }
  async fetch(input, init) {
    for (let i = 0; i <= this.retries; i++) {
      const fetched = fetch(await this.sign(input, init));
      if (i === this.retries) {
        return fetched
      }
      const res = await fetched;
      if (res.status < 500 && res.status !== 429) {
        return res
      }
      await new Promise(resolve => setTimeout(resolve, Math.random() * this.initRetryMs * Math.pow(2, i)));
    }
    throw new Error('An unknown error occurred, ensure retries is not negative')
  }
}
class AwsV4Signer {
  constructor({ method, url, headers, body, accessKeyId, secretAccessKey, sessionToken, service, region, cache, datetime, signQuery, appendSessionToken, allHeaders, singleEncode }) {
    if (url == null) throw new TypeError('url is a required option')
    if (accessKeyId == null) throw new TypeError('accessKeyId is a required option')
    if (secretAccessKey == null) throw new TypeError('secretAccessKey is a required option')
    this.method = method || (body ? 'POST' : 'GET');
    this.url = new URL(url);
    this.headers = new Headers(headers || {});
    this.body = body;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.sessionToken = sessionToken;
    let guessedService, guessedRegion;
    if (!service || !region) {
[guessedService, guessedRegion] = guessServiceRegion(this.url, this.headers);
    }
    this.service = service || guessedService || '';
    this.region = region || guessedRegion || 'us-east-1';
    this.cache = cache || new Map();
    this.datetime = datetime || new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
    this.signQuery = signQuery;
    this.appendSessionToken = appendSessionToken || this.service === 'iotdevicegateway';
    this.headers.delete('Host');
    if (this.service === 's3' && !this.signQuery && !this.headers.has('X-Amz-Content-Sha256')) {
      this.headers.set('X-Amz-Content-Sha256', 'UNSIGNED-PAYLOAD');
    }
    const params = this.signQuery ? this.url.searchParams : this.headers;
    params.set('X-Amz-Date', this.datetime);
    if (this.sessionToken && !this.appendSessionToken) {
      params.set('X-Amz-Security-Token', this.sessionToken);
    }
    this.signableHeaders = ['host', ...this.headers.keys()]
      .filter(header => allHeaders || !UNSIGNABLE_HEADERS.has(header))
      .sort();
    this.signedHeaders = this.signableHeaders.join(';');
    this.canonicalHeaders = this.signableHeaders
      .map(header => header + ':' + (header === 'host' ? this.url.host : (this.headers.get(header) || '').replace(/\s+/g, ' ')))
      .join('\n');
    this.credentialString = [this.datetime.slice(0, 8), this.region, this.service, 'aws4_request'].join('/');
    if (this.signQuery) {
      if (this.service === 's3' && !params.has('X-Amz-Expires')) {
        params.set('X-Amz-Expires', '86400');
      }
      params.set('X-Amz-Algorithm', 'AWS4-HMAC-SHA256');
      params.set('X-Amz-Credential', this.accessKeyId + '/' + this.credentialString);
      params.set('X-Amz-SignedHeaders', this.signedHeaders);
    }
    if (this.service === 's3') {
      try {
        this.encodedPath = decodeURIComponent(this.url.pathname.replace(/\+/g, ' '));
      } catch (e) {
        this.encodedPath = this.url.pathname;
      }
    } else {
      this.encodedPath = this.url.pathname.replace(/\/+/g, '/');
    }
    if (!singleEncode) {
      this.encodedPath = encodeURIComponent(this.encodedPath).replace(/%2F/g, '/');
    }
    this.encodedPath = encodeRfc3986(this.encodedPath);
    const seenKeys = new Set();
    this.encodedSearch = [...this.url.searchParams]
      .filter(([k]) => {
        if (!k) return false
        if (this.service === 's3') {
          if (seenKeys.has(k)) return false
          seenKeys.add(k);
        }
        return true
      })
      .map(pair => pair.map(p => encodeRfc3986(encodeURIComponent(p))))
      .sort(([k1, v1], [k2, v2]) => k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0)
      .map(pair => pair.join('='))
      .join('&');
  }
  async sign() {
    if (this.signQuery) {
      this.url.searchParams.set('X-Amz-Signature', await this.signature());
      if (this.sessionToken && this.appendSessionToken) {
        this.url.searchParams.set('X-Amz-Security-Token', this.sessionToken);
      }
    } else {
      this.headers.set('Authorization', await this.authHeader());
    }
    return {
      method: this.method,
      url: this.url,
      headers: this.headers,
      body: this.body,
    }
  }
  async authHeader() {
    return [
      'AWS4-HMAC-SHA256 Credential=' + this.accessKeyId + '/' + this.credentialString,
      'SignedHeaders=' + this.signedHeaders,
      'Signature=' + (await this.signature()),
    ].join(', ')
  }
  async signature() {
    const date = this.datetime.slice(0, 8);
    const cacheKey = [this.secretAccessKey, date, this.region, this.service].join();
    let kCredentials = this.cache.get(cacheKey);
    if (!kCredentials) {
      const kDate = await hmac('AWS4' + this.secretAccessKey, date);
      const kRegion = await hmac(kDate, this.region);
      const kService = await hmac(kRegion, this.service);
      kCredentials = await hmac(kService, 'aws4_request');
      this.cache.set(cacheKey, kCredentials);
    }
    return buf2hex(await hmac(kCredentials, await this.stringToSign()))
  }
  async stringToSign() {
    return [
      'AWS4-HMAC-SHA256',
      this.datetime,
      this.credentialString,
      buf2hex(await hash(await this.canonicalString())),
    ].join('\n')
  }
  async canonicalString() {
    return [
      this.method.toUpperCase(),
      this.encodedPath,
      this.encodedSearch,
      this.canonicalHeaders + '\n',
      this.signedHeaders,
      await this.hexBodyHash(),
    ].join('\n')
  }
  async hexBodyHash() {
    let hashHeader = this.headers.get('X-Amz-Content-Sha256') || (this.service === 's3' && this.signQuery ? 'UNSIGNED-PAYLOAD' : null);
    if (hashHeader == null) {
      if (this.body && typeof this.body !== 'string' && !('byteLength' in this.body)) {
        throw new Error('body must be a string, ArrayBuffer or ArrayBufferView, unless you include the X-Amz-Content-Sha256 header')
      }
      hashHeader = buf2hex(await hash(this.body || ''));
    }
    return hashHeader
  }
}
async function hmac(key, string) {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    typeof key === 'string' ? encoder.encode(key) : key,
    { name: 'HMAC', hash: { name: 'SHA-256' } },
    false,
    ['sign'],
  );
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(string))
}
async function hash(content) {
  return crypto.subtle.digest('SHA-256', typeof content === 'string' ? encoder.encode(content) : content)
}
const HEX_CHARS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'];
function buf2hex(arrayBuffer) {
  const buffer = new Uint8Array(arrayBuffer);
  let out = '';
  for (let idx = 0; idx < buffer.length; idx++) {
    const n = buffer[idx];
    out += HEX_CHARS[(n >>> 4) & 0xF];
    out += HEX_CHARS[n & 0xF];
  }
  return out
}
function encodeRfc3986(urlEncodedStr) {
  return urlEncodedStr.replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}
function guessServiceRegion(url, headers) {
  const { hostname, pathname } = url;
  if (hostname.endsWith('.on.aws')) {
    const match = hostname.match(/^[^.]{1,63}\.lambda-url\.([^.]{1,63})\.on\.aws$/);
    return match != null ? ['lambda', match[1] || ''] : ['', '']
  }
  if (hostname.endsWith('.r2.cloudflarestorage.com')) {
    return ['s3', 'auto']
  }
  if (hostname.endsWith('.backblazeb2.com')) {
    const match = hostname.match(/^(?:[^.]{1,63}\.)?s3\.([^.]{1,63})\.backblazeb2\.com$/);
    return match != null ? ['s3', match[1] || ''] : ['', '']
  }
  const match = hostname.replace('dualstack.', '').match(/([^.]{1,63})\.(?:([^.]{0,63})\.)?amazonaws\.com(?:\.cn)?$/);
  let service = (match && match[1]) || '';
  let region = match && match[2];
  if (region === 'us-gov') {
    region = 'us-gov-west-1';
  } else if (region === 's3' || region === 's3-accelerate') {
    region = 'us-east-1';
    service = 's3';
  } else if (service === 'iot') {
    if (hostname.startsWith('iot.')) {
      service = 'execute-api';
    } else if (hostname.startsWith('data.jobs.iot.')) {
      service = 'iot-jobs-data';
    } else {
      service = pathname === '/mqtt' ? 'iotdevicegateway' : 'iotdata';
    }
  } else if (service === 'autoscaling') {
    const targetPrefix = (headers.get('X-Amz-Target') || '').split('.')[0];
    if (targetPrefix === 'AnyScaleFrontendService') {
      service = 'application-autoscaling';
    } else if (targetPrefix === 'AnyScaleScalingPlannerFrontendService') {
      service = 'autoscaling-plans';
    }
  } else if (region == null && service.startsWith('s3-')) {
    region = service.slice(3).replace(/^fips-|^external-1/, '');
    service = 's3';
  } else if (service.endsWith('-fips')) {
    service = service.slice(0, -5);
  } else if (region && /-\d$/.test(service) && !/-\d$/.test(region)) {
[service, region] = [region, service];
  }
  return [HOST_SERVICES[service] || service, region || '']
}



// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/http/url.ts
var url = __webpack_require__(6697);
;// CONCATENATED MODULE: ./src/providers/ecr.ts




const PRIVATE_HOST = /^(\d{12})\.dkr\.ecr(-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;
const PUBLIC_HOST = 'public.ecr.aws';
async function ecrLogins(config, keys, ctx) {
    const logins = await Promise.all(apisFor(config, keys, ctx.env).map((api) => call(api, keys, ctx)));
    return logins.flat();
}
/** One call per region: GetAuthorizationToken takes several registry ids, but one region. */
function apisFor(config, keys, env) {
    if (config.hosts.includes(PUBLIC_HOST)) {
        // ECR Public's API lives in us-east-1 only, whatever region the registry is used from.
        const url = config.endpoint ?? endpoint(env.AWS_ENDPOINT_URL_ECR_PUBLIC, 'AWS_ENDPOINT_URL_ECR_PUBLIC') ?? new URL('https://api.ecr-public.us-east-1.amazonaws.com/');
        return [{ url, service: 'ecr-public', region: 'us-east-1', target: 'SpencerFrontendService.GetAuthorizationToken', body: {}, hosts: new Map([['', PUBLIC_HOST]]) }];
    }
    const byRegion = new Map();
    for (const host of config.hosts) {
        const [, account = '', fips, region = keys.region, cn] = PRIVATE_HOST.exec(host) ?? [];
        const group = byRegion.get(region) ?? { fips: fips !== undefined, cn: cn !== undefined, hosts: new Map() };
        group.hosts.set(account, host);
        byRegion.set(region, group);
    }
    if (byRegion.size === 0)
        byRegion.set(keys.region, { fips: false, cn: keys.region.startsWith('cn-'), hosts: new Map() });
    return [...byRegion].map(([region, group]) => {
        const domain = group.cn ? 'amazonaws.com.cn' : 'amazonaws.com';
        const url = config.endpoint ?? endpoint(env.AWS_ENDPOINT_URL_ECR, 'AWS_ENDPOINT_URL_ECR') ?? new URL(`https://${group.fips ? 'ecr-fips' : 'api.ecr'}.${region}.${domain}/`);
        const ids = [...group.hosts.keys()];
        return { url, service: 'ecr', region, target: 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken', body: ids.length > 0 ? { registryIds: ids } : {}, hosts: group.hosts };
    });
}
function endpoint(value, what) {
    return value ? (0,url/* parseEndpoint */.Bk)(value, what) : undefined;
}
async function call(api, keys, ctx) {
    const signed = await new AwsV4Signer({
        method: 'POST',
        url: api.url.href,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': api.target },
        body: JSON.stringify(api.body),
        accessKeyId: keys.accessKeyId,
        secretAccessKey: keys.secretAccessKey,
        sessionToken: keys.sessionToken,
        service: api.service,
        region: api.region,
    }).sign();
    const headers = { accept: 'application/json' };
    signed.headers.forEach((value, name) => { headers[name] = value; });
    const response = await ctx.http.request({
        method: 'POST',
        url: api.url,
        what: 'Amazon ECR',
        headers,
        body: JSON.stringify(api.body),
        retryOn: (r) => r.status === 400 && /Throttling/.test(awsError(r.body)?.type ?? ''),
    });
    const where = `Amazon ECR ${api.url.origin}${api.url.pathname}`;
    if (response.status !== 200)
        throw ecrError(response, where, api);
    const body = (0,json/* jsonBody */.J9)(response, where);
    const raw = (0,json/* isObject */.Gv)(body) ? body.authorizationData : undefined;
    const items = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const logins = items.map((item) => readAuthorization(item, api, where, ctx));
    if (logins.length === 0)
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${where} answered without authorizationData`);
    for (const account of api.hosts.keys()) {
        if (!logins.some((login) => login.account === account))
            throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${where} returned no token for ${api.hosts.get(account) ?? account}`);
    }
    const signedAt = `${api.url.origin}${api.url.pathname}`;
    return logins.map((login) => ({ host: login.host, username: login.username, password: login.password, ...(login.expiresAt ? { expiresAt: login.expiresAt } : {}), endpoint: signedAt, attempts: response.attempts }));
}
function readAuthorization(item, api, where, ctx) {
    const encoded = (0,json/* isObject */.Gv)(item) ? item.authorizationToken : undefined;
    if (typeof encoded !== 'string')
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${where} answered without an authorizationToken`);
    ctx.mask(encoded);
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${where} answered with an authorizationToken that is not base64 of user:password`);
    const password = decoded.slice(colon + 1);
    ctx.mask(password);
    const proxy = (0,json/* isObject */.Gv)(item) && typeof item.proxyEndpoint === 'string' ? item.proxyEndpoint : undefined;
    const proxyHost = proxy ? new URL(proxy).host : PUBLIC_HOST;
    const account = api.service === 'ecr-public' ? '' : (PRIVATE_HOST.exec(proxyHost)?.[1] ?? '');
    const expires = (0,json/* isObject */.Gv)(item) ? item.expiresAt : undefined;
    return {
        account,
        host: api.hosts.get(account) ?? proxyHost,
        username: decoded.slice(0, colon),
        password,
        ...(typeof expires === 'number' ? { expiresAt: new Date(expires * 1000).toISOString() } : {}),
    };
}
/** JSON 1.1 errors: `{"__type": "…#AccessDeniedException", "message": "…"}` (sometimes `Message`). */
function awsError(text) {
    const body = (0,json/* parseLoose */.il)(text);
    if (!(0,json/* isObject */.Gv)(body) || typeof body.__type !== 'string')
        return undefined;
    const message = (0,json/* serverText */.Tn)(body.message) ?? (0,json/* serverText */.Tn)(body.Message);
    return { type: body.__type.split('#').pop() ?? body.__type, ...(message ? { message } : {}) };
}
const DENIED = new Set(['AccessDeniedException', 'UnrecognizedClientException', 'ExpiredTokenException', 'InvalidSignatureException']);
function ecrError(response, where, api) {
    const error = awsError(response.body);
    const text = `${where} answered HTTP ${response.status}${error ? `: ${error.type}${error.message ? ` "${error.message}"` : ''}` : ''}`;
    if (error && DENIED.has(error.type)) {
        const hint = error.type === 'InvalidSignatureException'
            ? "the runner's clock is off, or a proxy changed the request; SigV4 signatures hold for 5 minutes"
            : `allow ${api.service}:GetAuthorizationToken${api.service === 'ecr-public' ? ' and sts:GetServiceBearerToken' : ''} (and the pull/push actions on the repositories) in the aws entry's role policy`;
        return new errors/* KeylessError */.FM('EXCHANGE_DENIED', text, { hint });
    }
    return new errors/* KeylessError */.FM('EXCHANGE_FAILED', text, { hint: response.status >= 500 ? 're-run later; ECR is failing' : 'check host and the aws entry\'s region' });
}


/***/ })

};
