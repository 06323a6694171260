import { aws } from './aws.js';
import { azure } from './azure.js';
import { containerRegistry } from './container-registry.js';
import { crates } from './crates.js';
import { gcp } from './gcp.js';
import { github } from './github.js';
import { jfrog } from './jfrog.js';
import { npm, pypi, rubygems } from './publishing.js';
import { quay } from './quay.js';
import { rfc8693 } from './rfc8693.js';
import { vault } from './vault.js';
import type { AnyProvider } from './types.js';

/** Every provider, by the `provider:` value that selects it. Adding one is a module and a line here. */
export const providers: Readonly<Record<string, AnyProvider>> = {
  aws,
  azure,
  crates,
  gcp,
  github,
  jfrog,
  npm,
  pypi,
  quay,
  registry: containerRegistry,
  rfc8693,
  rubygems,
  vault,
};
