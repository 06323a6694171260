import { createHash, randomBytes } from 'node:crypto';
import { type Fake, json, startFake } from './http-fake.js';

export interface RegistryFake extends Fake {
  issued: string[];
  /** `name:tag` → the sha256 digest of the manifest served for it. */
  digests: Record<string, string>;
}

export interface RegistryOptions {
  /** `name:tag` → a `Docker-Content-Digest` header that does not name the bytes served (a lying registry). */
  headerDigest?: Record<string, string>;
}

/**
 * An OCI distribution registry that, like Docker Hub and GHCR, answers an anonymous manifest request
 * with a Bearer challenge, hands out a pull token, and serves the manifest with its `Docker-Content-Digest`.
 * `manifests` maps `name:tag` to the manifest text served for it.
 */
export async function startRegistry(manifests: Record<string, string>, options: RegistryOptions = {}): Promise<RegistryFake> {
  const issued: string[] = [];
  const digests: Record<string, string> = {};
  let base = '';
  const routes: Parameters<typeof startFake>[0] = {
    'GET /token': (req, res) => {
      const token = `pull-${randomBytes(12).toString('hex')}`;
      issued.push(token);
      json(res, 200, { token, expires_in: 300, scope: req.query.get('scope') });
    },
  };
  for (const [reference, manifest] of Object.entries(manifests)) {
    const [name, tag] = reference.split(':');
    const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
    digests[reference] = digest;
    routes[`GET /v2/${name ?? ''}/manifests/${tag ?? ''}`] = (req, res) => {
      if (!issued.some((t) => req.headers.authorization === `Bearer ${t}`)) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${base}/token",service="fake-registry",scope="repository:${name ?? ''}:pull"` }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json', 'docker-content-digest': options.headerDigest?.[reference] ?? digest }).end(manifest);
    };
  }
  const fake = await startFake(routes);
  base = fake.url;
  return { ...fake, issued, digests };
}
