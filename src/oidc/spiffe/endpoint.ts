import { isIP } from 'node:net';
import { KeylessError } from '../../errors.js';

/** Where the Workload API listens, per the SPIFFE Workload Endpoint spec: a unix socket, or TCP to an IP address. */
export type WorkloadEndpoint = { kind: 'unix'; path: string } | { kind: 'tcp'; host: string; port: number };

const FORMS = 'unix:///PATH/TO/agent.sock (or unix:/PATH), or tcp://IP:PORT';

/**
 * Parses SPIFFE_ENDPOINT_SOCKET (or an entry's spiffe-socket). The spec allows no host name for tcp (no
 * DNS on the way to the identity provider) and no query, fragment or user information in either form.
 */
export function parseWorkloadEndpoint(address: string, where: string): WorkloadEndpoint {
  const bad = (why: string) => new KeylessError('INPUT_INVALID', `${where} ${why}; expected ${FORMS}`, { hint: 'SPIRE agents listen at e.g. unix:///run/spire/agent.sock; use the socket path your agent is configured with' });
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw bad('is not a URL');
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') throw bad('has a query, fragment or user information');
  if (url.protocol === 'unix:') {
    if (url.host !== '' || !url.pathname.startsWith('/') || url.pathname === '/') throw bad('is not a unix socket with an absolute path');
    return { kind: 'unix', path: decodeURIComponent(url.pathname) };
  }
  if (url.protocol === 'tcp:') {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host) === 0) throw bad('names a host, not an IP address');
    if (url.port === '' || (url.pathname !== '' && url.pathname !== '/')) throw bad('needs a port and no path');
    return { kind: 'tcp', host, port: Number(url.port) };
  }
  throw bad(`uses scheme ${url.protocol.replace(/[^a-z0-9+.-]/gi, '')}`);
}

export function endpointText(endpoint: WorkloadEndpoint): string {
  return endpoint.kind === 'unix' ? `unix://${endpoint.path}` : `tcp://${endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`;
}
