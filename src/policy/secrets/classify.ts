import { type Confidence, type Kind, type Rule, RULES } from './rules.js';
import type { SecretUse } from './scan.js';

/** A container registry by its host: each has its own Keyless login, and Docker Hub and the rest none. */
export type Registry = 'ecr' | 'gar' | 'acr' | 'ghcr' | 'jfrog' | 'quay' | 'other';

export interface Classified {
  kind: Kind;
  confidence: Confidence;
  /** Which rule decided: `input`, `env`, `run` or `name` (`none` for unknown). */
  by: Rule['on'] | 'script' | 'inherit' | 'context' | 'container' | 'none';
  registry?: Registry;
  /** The rule of RULES that decided, when one did. */
  rule?: Rule;
}

/** What the secret of `use` is, by the first rule of RULES that matches where its value goes. */
export function classify(use: SecretUse, rules: readonly Rule[] = RULES): Classified {
  if (use.consumer.type === 'inherit') return { kind: 'secrets-inherit', confidence: 'high', by: 'inherit' };
  if (use.secret === '*') return { kind: 'all-secrets', confidence: 'high', by: 'context' };
  // A job container's `credentials.password` is a registry login whatever the secret is called.
  if (use.consumer.type === 'container') return { kind: 'docker', confidence: 'high', by: 'container', registry: registryOf(use) };
  for (const rule of rules) {
    if (!matches(rule, use)) continue;
    const registry = rule.kind === 'docker' ? registryOf(use) : undefined;
    return { kind: rule.kind, confidence: rule.confidence, by: rule.on, rule, ...(registry ? { registry } : {}) };
  }
  // A secret written to a file on one line and used by the next (`echo … > key.json`, then `gcloud auth
  // activate-service-account --key-file`) is known only by the script as a whole.
  if (use.consumer.type === 'run') {
    for (const rule of rules) {
      if (rule.on === 'run' && rule.command.test(use.script)) return { kind: rule.kind, confidence: 'low', by: 'script', rule };
    }
  }
  return { kind: 'unknown', confidence: 'low', by: 'none' };
}

function matches(rule: Rule, use: SecretUse): boolean {
  const { consumer } = use;
  switch (rule.on) {
    case 'input':
      return consumer.type === 'input' && actionName(consumer.action) === rule.action.toLowerCase() && rule.inputs.some((i) => i.toLowerCase() === consumer.input.toLowerCase());
    case 'any-input':
      return consumer.type === 'input' && rule.inputs.test(consumer.input);
    case 'env':
      return (consumer.type === 'env' || consumer.type === 'reusable') && rule.names.test(consumer.name);
    case 'run':
      return consumer.type === 'run' ? rule.command.test(use.text) : consumer.type === 'env' && consumer.level === 'step' && rule.command.test(use.script);
    case 'name':
      return rule.names.test(use.secret);
  }
}

/** `owner/repo` of a `uses:` value, lower-cased: any subpath and ref left off. */
export function actionName(uses: string): string {
  return uses.split('@')[0]?.split('/').slice(0, 2).join('/').toLowerCase() ?? '';
}

/**
 * The registry a docker login goes to: docker/login-action's `registry` input, a `docker login HOST` on
 * the line, or the image of a job container. No host is Docker Hub.
 */
export function registryHost(use: SecretUse): string {
  if (use.consumer.type === 'container') return use.consumer.image.split('/')[0]?.includes('.') ? (use.consumer.image.split('/')[0] ?? '') : '';
  const input = use.with.registry ?? use.with['login-server'];
  if (input !== undefined) return input.trim().replace(/^https?:\/\//, '').split('/')[0] ?? '';
  const login = /\blogin\b(?:\s+-{1,2}[\w-]+(?:[ =](?!-)\S+)?)*\s+([a-z0-9.-]+\.[a-z]{2,}(?::\d+)?)/i.exec(use.text);
  return login?.[1] ?? '';
}

export function registryOf(use: SecretUse): Registry {
  const host = registryHost(use).toLowerCase();
  if (/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$|^public\.ecr\.aws$/.test(host)) return 'ecr';
  if (/(^|\.)(gcr\.io|pkg\.dev)$/.test(host)) return 'gar';
  if (/\.azurecr\.(io|us|cn)$/.test(host)) return 'acr';
  if (host === 'ghcr.io' || host.startsWith('containers.')) return 'ghcr';
  if (/\.jfrog\.io$/.test(host)) return 'jfrog';
  if (host === 'quay.io') return 'quay';
  return 'other';
}
