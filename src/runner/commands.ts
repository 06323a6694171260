// The runner's workflow-command and environment-file protocols, as documented by GitHub
// ("Workflow commands for GitHub Actions"). Written here rather than imported from @actions/core,
// whose import alone costs more start-up than the whole exchange.

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
}

export function command(name: string, message: string, properties: AnnotationProperties = {}): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}\n`;
}

/**
 * One `name<<delimiter` record of GITHUB_ENV/OUTPUT/STATE. The delimiter is random per record, so a
 * value cannot end the record early and inject another variable. Refuses what a runner would read back
 * differently (actions/runner FileCommandManager): a name it would split at another `=` or `<<`, and a
 * value ending in CR, which a Windows runner takes as part of the record's LF line end and drops.
 */
export function fileRecord(name: string, value: string, delimiter: string): string {
  if (name === '' || /[\r\n=]|<</.test(name) || value.includes(delimiter)) {
    throw new Error(`refusing to write ${name}: its name is empty or holds a line break, = or <<, or its value contains the record delimiter`);
  }
  if (value.endsWith('\r')) throw new Error(`refusing to write ${name}: its value ends in CR, which a Windows runner would drop`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
