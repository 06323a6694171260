import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { quay, type QuayConfig } from '../../../src/providers/quay.js';
import { configProblems } from '../config/problems.js';

// A quay entry's keys as the step reads them; the wire exchange is in test/e2e/quay.test.ts.

function entry(credentials: string) {
  const [first] = loadConfig({ credentials }, process.cwd()).credentials;
  return { config: first?.config as QuayConfig, audience: first?.oidcAudience };
}

describe('quay entry keys', () => {
  it('defaults to quay.io, and asks for a runner token for that origin alone', () => {
    const { config, audience } = entry('- provider: quay\n  robot: acme+github_ci');
    expect(config).toEqual({ url: new URL('https://quay.io'), robot: 'acme+github_ci' });
    expect(audience).toBe('https://quay.io');
    expect(quay.defaultAudience(entry('- provider: quay\n  url: https://registry.acme.example:8443\n  robot: acme+ci').config)).toBe('https://registry.acme.example:8443');
  });

  it.each(['github_ci', 'acme+', '+ci', 'Acme+ci', 'acme+9ci', 'acme+ci:x', `acme+${'c'.repeat(255)}`])('refuses robot %j', (robot) => {
    expect(configProblems(`- provider: quay\n  robot: "${robot}"`)).toContain('credentials[0].robot (line 2): is not a robot account as Quay names it');
  });

  it.each(['acme+ci', 'acme.corp+deploy_bot', 'a-b_c+x1'])('takes robot %j', (robot) => {
    expect(entry(`- provider: quay\n  robot: ${robot}`).config.robot).toBe(robot);
  });

  it('refuses a URL with a path or query, and plain http off loopback', () => {
    const message = configProblems('- provider: quay\n  url: https://quay.io/v2/?x=1\n  robot: acme+ci\n- provider: quay\n  id: q2\n  url: http://quay.example.com\n  robot: acme+ci');
    expect(message).toContain('credentials[0].url (line 2): has a path, query or fragment');
    expect(message).toContain('credentials[1].url (line 6): is not https');
    expect(configProblems('- provider: quay\n  url: https://index.docker.io\n  robot: acme+ci')).toContain('credentials[0].url (line 2): is Docker Hub, which takes no Quay robot token');
  });

  it("names a docker/login-action input in a quay entry by its Keyless key", () => {
    const message = configProblems('- provider: quay\n  username: acme+ci\n  password: ${{ secrets.QUAY }}');
    expect(message).toContain('is docker/login-action\'s input; Keyless calls it "robot"');
    expect(message).toContain('robot federation takes the runner OIDC token instead');
  });

  it('refuses two entries logging in to one Quay host', () => {
    expect(configProblems('- provider: quay\n  robot: acme+ci\n- provider: quay\n  id: b\n  robot: acme+deploy')).toContain('logs in to quay.io, as credentials[0] does');
  });
});
