import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The README as data, for the tests that keep it equal to the code: sections by heading, their tables by
// header, each cell's `code` spans. GitHub-flavoured Markdown only as far as the README uses it.

export interface Table {
  header: string[];
  rows: string[][];
}

export interface Section {
  heading: string;
  tables: Table[];
}

/** Each `#`…`######` heading with the tables up to the next heading of any level, in order. */
export function readmeSections(text = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8')): Section[] {
  const sections: Section[] = [];
  let lines: string[] = [];
  let fenced = false;
  const close = () => {
    const last = sections.at(-1);
    if (last) last.tables = tablesIn(lines);
    lines = [];
  };
  for (const line of text.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6} (.*)$/.exec(line);
    if (heading) {
      close();
      sections.push({ heading: heading[1] ?? '', tables: [] });
    } else if (!fenced) {
      lines.push(line);
    }
  }
  close();
  return sections;
}

/** The one section whose heading is `heading`, or that names `provider: NAME` in code. */
export function section(sections: readonly Section[], heading: string): Section {
  const found = sections.filter((s) => s.heading === heading || s.heading.includes(`\`provider: ${heading}\``));
  if (found.length !== 1) throw new Error(`README: ${found.length} sections match "${heading}"`);
  return found[0] as Section;
}

/** Tables in a section whose header starts with these cells. */
export function tablesWith(s: Section, ...header: string[]): Table[] {
  return s.tables.filter((t) => header.every((cell, i) => t.header[i] === cell));
}

/** The text of each `code` span in a cell. */
export function codeSpans(cell: string | undefined): string[] {
  return [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
}

function tablesIn(lines: readonly string[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!isRow(lines[i]) || !/^\|(\s*:?-+:?\s*\|)+\s*$/.test(lines[i + 1] ?? '')) continue;
    const table: Table = { header: cells(lines[i] ?? ''), rows: [] };
    for (i += 2; i < lines.length && isRow(lines[i]); i++) table.rows.push(cells(lines[i] ?? ''));
    tables.push(table);
  }
  return tables;
}

function isRow(line: string | undefined): boolean {
  return line !== undefined && line.startsWith('|');
}

/** A row's cells: split at every `|` not escaped as `\|`, as GitHub does (inside code spans too). */
function cells(line: string): string[] {
  const parts = line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/);
  return parts.map((part) => part.trim().replace(/\\\|/g, '|'));
}
