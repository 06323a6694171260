const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600 };

/**
 * Seconds in a duration written `900`, `90s`, `15m`, `1h` or `1h30m`; undefined for anything else,
 * so "abc" is an error the caller reports, never a silent default.
 */
export function parseDuration(value: string): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^(\d+[hms])+$/.test(text)) return undefined;
  let seconds = 0;
  const seen = new Set<string>();
  for (const [, amount, unit] of text.matchAll(/(\d+)([hms])/g)) {
    if (unit === undefined || seen.has(unit)) return undefined;
    seen.add(unit);
    seconds += Number(amount) * (UNIT_SECONDS[unit] ?? 0);
  }
  return seconds;
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || seconds === 0 ? `${s}s` : ''].join('');
}
