import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { SourceDef } from "../../src/sources/source.js";
import { DATA_DIR } from "../util/data.js";

/** Helpers the PKO reader tests use to make malformed copies of a real file's text. */

/** The real file's text (no hash check; the reader tests check that through read*). */
export function realText(src: SourceDef): string {
  return readFileSync(join(DATA_DIR, src.file), "utf8");
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

function fields(line: string): string[] {
  return (parse(line, { relax_column_count: true }) as string[][])[0] ?? [];
}

function joinFields(fs: readonly string[]): string {
  return fs.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(",");
}

/** 1-based line number (header = 1) of the first data line whose cells satisfy `pred`. */
export function findLine(text: string, pred: (cells: Record<string, string>) => boolean): number {
  const lines = splitLines(text);
  const header = fields(lines[0]);
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === "") continue;
    const f = fields(lines[i]);
    if (pred(Object.fromEntries(header.map((h, j) => [h, f[j] ?? ""])))) return i + 1;
  }
  throw new Error("no such line");
}

/** Replace the cell of column `col` on line `line` (1-based, header = 1). */
export function setCell(text: string, line: number, col: string, value: string): string {
  const lines = splitLines(text);
  const j = fields(lines[0]).indexOf(col);
  if (j < 0) throw new Error(`no column ${col}`);
  const f = fields(lines[line - 1]);
  f[j] = value;
  lines[line - 1] = joinFields(f);
  return lines.join("\n");
}

/** Remove column `col` from every line. */
export function dropColumn(text: string, col: string): string {
  const lines = splitLines(text);
  const j = fields(lines[0]).indexOf(col);
  if (j < 0) throw new Error(`no column ${col}`);
  return lines.map((l) => (l === "" ? l : joinFields(fields(l).filter((_, k) => k !== j)))).join("\n");
}

/** Rename header column `from` to `to`. */
export function renameColumn(text: string, from: string, to: string): string {
  const lines = splitLines(text);
  const f = fields(lines[0]);
  const j = f.indexOf(from);
  if (j < 0) throw new Error(`no column ${from}`);
  f[j] = to;
  lines[0] = joinFields(f);
  return lines.join("\n");
}

/** Keep lines 1..line-1 and the first `keep` characters of line `line` (a file cut mid-line). */
export function truncateAt(text: string, line: number, keep: number): string {
  const lines = splitLines(text).slice(0, line);
  lines[line - 1] = lines[line - 1].slice(0, keep);
  return lines.join("\n");
}
