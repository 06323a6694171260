export const id = 68;
export const ids = [68,869];
export const modules = {

/***/ 8832:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var aws4 = exports,
    url = __webpack_require__(7016),
    querystring = __webpack_require__(3480),
    crypto = __webpack_require__(6982),
    lru = __webpack_require__(2638),
    credentialsCache = lru(1000)

// http://docs.amazonwebservices.com/general/latest/gr/signature-version-4.html

function hmac(key, string, encoding) {
  return crypto.createHmac('sha256', key).update(string, 'utf8').digest(encoding)
}

function hash(string, encoding) {
  return crypto.createHash('sha256').update(string, 'utf8').digest(encoding)
}

// This function assumes the string has already been percent encoded
function encodeRfc3986(urlEncodedString) {
  return urlEncodedString.replace(/[!'()*]/g, function(c) {
    return '%' + c.charCodeAt(0).toString(16).toUpperCase()
  })
}

function encodeRfc3986Full(str) {
  return encodeRfc3986(encodeURIComponent(str))
}

// A bit of a combination of:
// https://github.com/aws/aws-sdk-java-v2/blob/dc695de6ab49ad03934e1b02e7263abbd2354be0/core/auth/src/main/java/software/amazon/awssdk/auth/signer/internal/AbstractAws4Signer.java#L59
// https://github.com/aws/aws-sdk-js/blob/18cb7e5b463b46239f9fdd4a65e2ff8c81831e8f/lib/signers/v4.js#L191-L199
// https://github.com/mhart/aws4fetch/blob/b3aed16b6f17384cf36ea33bcba3c1e9f3bdfefd/src/main.js#L25-L34
var HEADERS_TO_IGNORE = {
  'authorization': true,
  'connection': true,
  'x-amzn-trace-id': true,
  'user-agent': true,
  'expect': true,
  'presigned-expires': true,
  'range': true,
}

// request: { path | body, [host], [method], [headers], [service], [region] }
// credentials: { accessKeyId, secretAccessKey, [sessionToken] }
function RequestSigner(request, credentials) {

  if (typeof request === 'string') request = url.parse(request)

  var headers = request.headers = Object.assign({}, (request.headers || {})),
      hostParts = (!this.service || !this.region) && this.matchHost(request.hostname || request.host || headers.Host || headers.host)

  this.request = request
  this.credentials = credentials || this.defaultCredentials()

  this.service = request.service || hostParts[0] || ''
  this.region = request.region || hostParts[1] || 'us-east-1'

  // SES uses a different domain from the service name
  if (this.service === 'email') this.service = 'ses'

  if (!request.method && request.body)
    request.method = 'POST'

  if (!headers.Host && !headers.host) {
    headers.Host = request.hostname || request.host || this.createHost()

    // If a port is specified explicitly, use it as is
    if (request.port)
      headers.Host += ':' + request.port
  }
  if (!request.hostname && !request.host)
    request.hostname = headers.Host || headers.host

  this.isCodeCommitGit = this.service === 'codecommit' && request.method === 'GIT'

  this.extraHeadersToIgnore = request.extraHeadersToIgnore || Object.create(null)
  this.extraHeadersToInclude = request.extraHeadersToInclude || Object.create(null)
}

RequestSigner.prototype.matchHost = function(host) {
  var match = (host || '').match(/([^\.]{1,63})\.(?:([^\.]{0,63})\.)?amazonaws\.com(\.cn)?$/)
  var hostParts = (match || []).slice(1, 3)

  // ES's hostParts are sometimes the other way round, if the value that is expected
  // to be region equals ‘es’ switch them back
  // e.g. search-cluster-name-aaaa00aaaa0aaa0aaaaaaa0aaa.us-east-1.es.amazonaws.com
  if (hostParts[1] === 'es' || hostParts[1] === 'aoss')
    hostParts = hostParts.reverse()

  if (hostParts[1] == 's3') {
    hostParts[0] = 's3'
    hostParts[1] = 'us-east-1'
  } else {
    for (var i = 0; i < 2; i++) {
      if (/^s3-/.test(hostParts[i])) {
        hostParts[1] = hostParts[i].slice(3)
        hostParts[0] = 's3'
        break
      }
    }
  }

  return hostParts
}

// http://docs.aws.amazon.com/general/latest/gr/rande.html
RequestSigner.prototype.isSingleRegion = function() {
  // Special case for S3 and SimpleDB in us-east-1
  if (['s3', 'sdb'].indexOf(this.service) >= 0 && this.region === 'us-east-1') return true

  return ['cloudfront', 'ls', 'route53', 'iam', 'importexport', 'sts']
    .indexOf(this.service) >= 0
}

RequestSigner.prototype.createHost = function() {
  var region = this.isSingleRegion() ? '' : '.' + this.region,
      subdomain = this.service === 'ses' ? 'email' : this.service
  return subdomain + region + '.amazonaws.com'
}

RequestSigner.prototype.prepareRequest = function() {
  this.parsePath()

  var request = this.request, headers = request.headers, query

  if (request.signQuery) {

    this.parsedPath.query = query = this.parsedPath.query || {}

    if (this.credentials.sessionToken)
      query['X-Amz-Security-Token'] = this.credentials.sessionToken

    if (this.service === 's3' && !query['X-Amz-Expires'])
      query['X-Amz-Expires'] = 86400

    if (query['X-Amz-Date'])
      this.datetime = query['X-Amz-Date']
    else
      query['X-Amz-Date'] = this.getDateTime()

    query['X-Amz-Algorithm'] = 'AWS4-HMAC-SHA256'
    query['X-Amz-Credential'] = this.credentials.accessKeyId + '/' + this.credentialString()
    query['X-Amz-SignedHeaders'] = this.signedHeaders()

  } else {

    if (!request.doNotModifyHeaders && !this.isCodeCommitGit) {
      if (request.body && !headers['Content-Type'] && !headers['content-type'])
        headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=utf-8'

      if (request.body && !headers['Content-Length'] && !headers['content-length'])
        headers['Content-Length'] = Buffer.byteLength(request.body)

      if (this.credentials.sessionToken && !headers['X-Amz-Security-Token'] && !headers['x-amz-security-token'])
        headers['X-Amz-Security-Token'] = this.credentials.sessionToken

      if (this.service === 's3' && !headers['X-Amz-Content-Sha256'] && !headers['x-amz-content-sha256'])
        headers['X-Amz-Content-Sha256'] = hash(this.request.body || '', 'hex')

      if (headers['X-Amz-Date'] || headers['x-amz-date'])
        this.datetime = headers['X-Amz-Date'] || headers['x-amz-date']
      else
        headers['X-Amz-Date'] = this.getDateTime()
    }

    delete headers.Authorization
    delete headers.authorization
  }
}

RequestSigner.prototype.sign = function() {
  if (!this.parsedPath) this.prepareRequest()

  if (this.request.signQuery) {
    this.parsedPath.query['X-Amz-Signature'] = this.signature()
  } else {
    this.request.headers.Authorization = this.authHeader()
  }

  this.request.path = this.formatPath()

  return this.request
}

RequestSigner.prototype.getDateTime = function() {
  if (!this.datetime) {
    var headers = this.request.headers,
      date = new Date(headers.Date || headers.date || new Date)

    this.datetime = date.toISOString().replace(/[:\-]|\.\d{3}/g, '')

    // Remove the trailing 'Z' on the timestamp string for CodeCommit git access
    if (this.isCodeCommitGit) this.datetime = this.datetime.slice(0, -1)
  }
  return this.datetime
}

RequestSigner.prototype.getDate = function() {
  return this.getDateTime().substr(0, 8)
}

RequestSigner.prototype.authHeader = function() {
  return [
    'AWS4-HMAC-SHA256 Credential=' + this.credentials.accessKeyId + '/' + this.credentialString(),
    'SignedHeaders=' + this.signedHeaders(),
    'Signature=' + this.signature(),
  ].join(', ')
}

RequestSigner.prototype.signature = function() {
  var date = this.getDate(),
      cacheKey = [this.credentials.secretAccessKey, date, this.region, this.service].join(),
      kDate, kRegion, kService, kCredentials = credentialsCache.get(cacheKey)
  if (!kCredentials) {
    kDate = hmac('AWS4' + this.credentials.secretAccessKey, date)
    kRegion = hmac(kDate, this.region)
    kService = hmac(kRegion, this.service)
    kCredentials = hmac(kService, 'aws4_request')
    credentialsCache.set(cacheKey, kCredentials)
  }
  return hmac(kCredentials, this.stringToSign(), 'hex')
}

RequestSigner.prototype.stringToSign = function() {
  return [
    'AWS4-HMAC-SHA256',
    this.getDateTime(),
    this.credentialString(),
    hash(this.canonicalString(), 'hex'),
  ].join('\n')
}

RequestSigner.prototype.canonicalString = function() {
  if (!this.parsedPath) this.prepareRequest()

  var pathStr = this.parsedPath.path,
      query = this.parsedPath.query,
      headers = this.request.headers,
      queryStr = '',
      normalizePath = this.service !== 's3',
      decodePath = this.service === 's3' || this.request.doNotEncodePath,
      decodeSlashesInPath = this.service === 's3',
      firstValOnly = this.service === 's3',
      bodyHash

  if (this.service === 's3' && this.request.signQuery) {
    bodyHash = 'UNSIGNED-PAYLOAD'
  } else if (this.isCodeCommitGit) {
    bodyHash = ''
  } else {
    bodyHash = headers['X-Amz-Content-Sha256'] || headers['x-amz-content-sha256'] ||
      hash(this.request.body || '', 'hex')
  }

  if (query) {
    var reducedQuery = Object.keys(query).reduce(function(obj, key) {
      if (!key) return obj
      obj[encodeRfc3986Full(key)] = !Array.isArray(query[key]) ? query[key] :
        (firstValOnly ? query[key][0] : query[key])
      return obj
    }, {})
    var encodedQueryPieces = []
    Object.keys(reducedQuery).sort().forEach(function(key) {
      if (!Array.isArray(reducedQuery[key])) {
        encodedQueryPieces.push(key + '=' + encodeRfc3986Full(reducedQuery[key]))
      } else {
        reducedQuery[key].map(encodeRfc3986Full).sort()
          .forEach(function(val) { encodedQueryPieces.push(key + '=' + val) })
      }
    })
    queryStr = encodedQueryPieces.join('&')
  }
  if (pathStr !== '/') {
    if (normalizePath) pathStr = pathStr.replace(/\/{2,}/g, '/')
    pathStr = pathStr.split('/').reduce(function(path, piece) {
      if (normalizePath && piece === '..') {
        path.pop()
      } else if (!normalizePath || piece !== '.') {
        if (decodePath) piece = decodeURIComponent(piece.replace(/\+/g, ' '))
        path.push(encodeRfc3986Full(piece))
      }
      return path
    }, []).join('/')
    if (pathStr[0] !== '/') pathStr = '/' + pathStr
    if (decodeSlashesInPath) pathStr = pathStr.replace(/%2F/g, '/')
  }

  return [
    this.request.method || 'GET',
    pathStr,
    queryStr,
    this.canonicalHeaders() + '\n',
    this.signedHeaders(),
    bodyHash,
  ].join('\n')
}

RequestSigner.prototype.filterHeaders = function() {
  var headers = this.request.headers,
      extraHeadersToInclude = this.extraHeadersToInclude,
      extraHeadersToIgnore = this.extraHeadersToIgnore
  this.filteredHeaders = Object.keys(headers)
    .map(function(key) { return [key.toLowerCase(), headers[key]] })
    .filter(function(entry) {
      return extraHeadersToInclude[entry[0]] ||
        (HEADERS_TO_IGNORE[entry[0]] == null && !extraHeadersToIgnore[entry[0]])
    })
    .sort(function(a, b) { return a[0] < b[0] ? -1 : 1 })
}

RequestSigner.prototype.canonicalHeaders = function() {
  if (!this.filteredHeaders) this.filterHeaders()

  return this.filteredHeaders.map(function(entry) {
    return entry[0] + ':' + entry[1].toString().trim().replace(/\s+/g, ' ')
  }).join('\n')
}

RequestSigner.prototype.signedHeaders = function() {
  if (!this.filteredHeaders) this.filterHeaders()

  return this.filteredHeaders.map(function(entry) { return entry[0] }).join(';')
}

RequestSigner.prototype.credentialString = function() {
  return [
    this.getDate(),
    this.region,
    this.service,
    'aws4_request',
  ].join('/')
}

RequestSigner.prototype.defaultCredentials = function() {
  var env = process.env
  return {
    accessKeyId: env.AWS_ACCESS_KEY_ID || env.AWS_ACCESS_KEY,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY || env.AWS_SECRET_KEY,
    sessionToken: env.AWS_SESSION_TOKEN,
  }
}

RequestSigner.prototype.parsePath = function() {
  var path = this.request.path || '/'

  // S3 doesn't always encode characters > 127 correctly and
  // all services don't encode characters > 255 correctly
  // So if there are non-reserved chars (and it's not already all % encoded), just encode them all
  if (/[^0-9A-Za-z;,/?:@&=+$\-_.!~*'()#%]/.test(path)) {
    path = encodeURI(decodeURI(path))
  }

  var queryIx = path.indexOf('?'),
      query = null

  if (queryIx >= 0) {
    query = querystring.parse(path.slice(queryIx + 1))
    path = path.slice(0, queryIx)
  }

  this.parsedPath = {
    path: path,
    query: query,
  }
}

RequestSigner.prototype.formatPath = function() {
  var path = this.parsedPath.path,
      query = this.parsedPath.query

  if (!query) return path

  // Services don't support empty query string keys
  if (query[''] != null) delete query['']

  return path + '?' + encodeRfc3986(querystring.stringify(query))
}

aws4.RequestSigner = RequestSigner

aws4.sign = function(request, credentials) {
  return new RequestSigner(request, credentials).sign()
}


/***/ }),

/***/ 2638:
/***/ ((module) => {

module.exports = function(size) {
  return new LruCache(size)
}

function LruCache(size) {
  this.capacity = size | 0
  this.map = Object.create(null)
  this.list = new DoublyLinkedList()
}

LruCache.prototype.get = function(key) {
  var node = this.map[key]
  if (node == null) return undefined
  this.used(node)
  return node.val
}

LruCache.prototype.set = function(key, val) {
  var node = this.map[key]
  if (node != null) {
    node.val = val
  } else {
    if (!this.capacity) this.prune()
    if (!this.capacity) return false
    node = new DoublyLinkedNode(key, val)
    this.map[key] = node
    this.capacity--
  }
  this.used(node)
  return true
}

LruCache.prototype.used = function(node) {
  this.list.moveToFront(node)
}

LruCache.prototype.prune = function() {
  var node = this.list.pop()
  if (node != null) {
    delete this.map[node.key]
    this.capacity++
  }
}


function DoublyLinkedList() {
  this.firstNode = null
  this.lastNode = null
}

DoublyLinkedList.prototype.moveToFront = function(node) {
  if (this.firstNode == node) return

  this.remove(node)

  if (this.firstNode == null) {
    this.firstNode = node
    this.lastNode = node
    node.prev = null
    node.next = null
  } else {
    node.prev = null
    node.next = this.firstNode
    node.next.prev = node
    this.firstNode = node
  }
}

DoublyLinkedList.prototype.pop = function() {
  var lastNode = this.lastNode
  if (lastNode != null) {
    this.remove(lastNode)
  }
  return lastNode
}

DoublyLinkedList.prototype.remove = function(node) {
  if (this.firstNode == node) {
    this.firstNode = node.next
  } else if (node.prev != null) {
    node.prev.next = node.next
  }
  if (this.lastNode == node) {
    this.lastNode = node.prev
  } else if (node.next != null) {
    node.next.prev = node.prev
  }
}


function DoublyLinkedNode(key, val) {
  this.key = key
  this.val = val
  this.prev = null
  this.next = null
}


/***/ }),

/***/ 68:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ecrLogins: () => (/* binding */ ecrLogins)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2868);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6697);
/* harmony import */ var _credential_value_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3897);
/* harmony import */ var _sigv4_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8869);





const PRIVATE_HOST = /^(\d{12})\.dkr\.ecr(-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;
const PUBLIC_HOST = 'public.ecr.aws';
// ECR's user is `AWS`; the docker config's `auth` is base64 of `user:password`, so the user holds no colon.
const USERNAME = { pattern: /^[\w.@-]{1,64}$/, expected: 'a user name of [A-Za-z0-9_.@-]' };
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
    return value ? (0,_http_url_js__WEBPACK_IMPORTED_MODULE_2__/* .parseEndpoint */ .Bk)(value, what) : undefined;
}
async function call(api, keys, ctx) {
    const payload = JSON.stringify(api.body);
    const signable = { url: api.url, service: api.service, region: api.region, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': api.target }, body: payload };
    const headers = { ...(0,_sigv4_js__WEBPACK_IMPORTED_MODULE_4__.sigv4Headers)(signable, keys), accept: 'application/json' };
    const response = await ctx.http.request({
        method: 'POST',
        url: api.url,
        what: 'Amazon ECR',
        headers,
        body: payload,
        retryOn: (r) => r.status === 400 && /Throttling/.test(awsError(r.body)?.type ?? ''),
    });
    const where = `Amazon ECR ${api.url.origin}${api.url.pathname}`;
    if (response.status !== 200)
        throw ecrError(response, where, api);
    const body = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonBody */ .J9)(response, where);
    const raw = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) ? body.authorizationData : undefined;
    const items = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const logins = items.map((item) => readAuthorization(item, api, where, ctx));
    if (logins.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} answered without authorizationData`);
    for (const account of api.hosts.keys()) {
        if (!logins.some((login) => login.account === account))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} returned no token for ${api.hosts.get(account) ?? account}`);
    }
    const signedAt = `${api.url.origin}${api.url.pathname}`;
    return logins.map((login) => ({ host: login.host, username: login.username, password: login.password, ...(login.expiresAt ? { expiresAt: login.expiresAt } : {}), endpoint: signedAt, attempts: response.attempts }));
}
function readAuthorization(item, api, where, ctx) {
    const encoded = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_3__/* .credentialValue */ .No)((0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(item) ? item.authorizationToken : undefined, 'an authorizationToken', where, _credential_value_js__WEBPACK_IMPORTED_MODULE_3__/* .BASE64 */ .EW);
    ctx.mask(encoded);
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} answered with an authorizationToken that is not base64 of user:password`);
    const username = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_3__/* .credentialValue */ .No)(decoded.slice(0, colon), 'an authorizationToken user', where, USERNAME);
    const password = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_3__/* .credentialValue */ .No)(decoded.slice(colon + 1), 'an authorizationToken password', where);
    ctx.mask(password);
    const proxyHost = proxyHostOf((0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(item) ? item.proxyEndpoint : undefined, where);
    const account = api.service === 'ecr-public' ? '' : (PRIVATE_HOST.exec(proxyHost)?.[1] ?? '');
    const expires = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(item) ? item.expiresAt : undefined;
    return {
        account,
        host: api.hosts.get(account) ?? proxyHost,
        username,
        password,
        ...(typeof expires === 'number' ? { expiresAt: new Date(expires * 1000).toISOString() } : {}),
    };
}
/** The registry host a token is for: it keys the docker config's `auths`, so only an ECR host is taken. */
function proxyHostOf(endpoint, where) {
    if (endpoint === undefined)
        return PUBLIC_HOST;
    const host = typeof endpoint === 'string' && URL.canParse(endpoint) ? new URL(endpoint).host : '';
    if (PRIVATE_HOST.test(host) || host === PUBLIC_HOST)
        return host;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} answered a proxyEndpoint that is not an ECR registry`, { hint: 'endpoint (or AWS_ENDPOINT_URL_ECR) must point at Amazon ECR' });
}
/** JSON 1.1 errors: `{"__type": "…#AccessDeniedException", "message": "…"}` (sometimes `Message`). */
function awsError(text) {
    const body = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLoose */ .il)(text);
    if (!(0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) || typeof body.__type !== 'string')
        return undefined;
    const message = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.message) ?? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.Message);
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
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_DENIED', text, { hint });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_FAILED', text, { hint: response.status >= 500 ? 're-run later; ECR is failing' : 'check host and the aws entry\'s region' });
}


/***/ }),

/***/ 8869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sigv4Headers: () => (/* binding */ sigv4Headers)
/* harmony export */ });
/* harmony import */ var aws4__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8832);
/* harmony import */ var aws4__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(aws4__WEBPACK_IMPORTED_MODULE_0__);

/** The request's headers with the SigV4 ones added (Authorization, X-Amz-Date, X-Amz-Security-Token, Host), names lower-cased. */
function sigv4Headers(request, keys) {
    const signed = (0,aws4__WEBPACK_IMPORTED_MODULE_0__.sign)({ method: 'POST', host: request.url.host, path: `${request.url.pathname}${request.url.search}`, service: request.service, region: request.region, headers: { ...request.headers }, body: request.body }, { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, sessionToken: keys.sessionToken });
    const headers = {};
    for (const [name, value] of Object.entries(signed.headers ?? {}))
        if (value !== undefined)
            headers[name.toLowerCase()] = String(value);
    return headers;
}


/***/ })

};
