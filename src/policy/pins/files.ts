import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Workflows under any `.github/workflows`, and every `action.yml`/`action.yaml`, below a directory. */
export function findFiles(dir: string): string[] {
  const found: string[] = [];
  const visit = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') visit(path);
      } else if (/^action\.ya?ml$/.test(entry.name) || (/\.ya?ml$/.test(entry.name) && /(^|\/)\.github\/workflows$/.test(relative(dir, current).replace(/\\/g, '/') || current))) {
        found.push(path);
      }
    }
  };
  visit(dir);
  return found.sort();
}
