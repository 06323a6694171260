import { randomBytes } from 'node:crypto';
import { type Fake, json, startFake } from './http-fake.js';

export interface RegistryFake extends Fake {
  issued: string[];
}

/**
 * An OCI distribution registry that, like Docker Hub and GHCR, answers an anonymous manifest request
 * with a Bearer challenge, hands out a pull token, and names the manifest by `Docker-Content-Digest`.
 */
export async function startRegistry(tags: Record<string, string>): Promise<RegistryFake> {
  const issued: string[] = [];
  let base = '';
  const routes: Parameters<typeof startFake>[0] = {
    'GET /token': (req, res) => {
      const token = `pull-${randomBytes(12).toString('hex')}`;
      issued.push(token);
      json(res, 200, { token, expires_in: 300, scope: req.query.get('scope') });
    },
  };
  for (const [reference, digest] of Object.entries(tags)) {
    const [name, tag] = reference.split(':');
    routes[`GET /v2/${name ?? ''}/manifests/${tag ?? ''}`] = (req, res) => {
      if (!issued.some((t) => req.headers.authorization === `Bearer ${t}`)) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${base}/token",service="fake-registry",scope="repository:${name ?? ''}:pull"` }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json', 'docker-content-digest': digest }).end('{}');
    };
  }
  const fake = await startFake(routes);
  base = fake.url;
  return { ...fake, issued };
}
