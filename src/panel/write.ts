import { join } from "node:path";
import { parquetBytes, type ParquetType } from "../core/parquet.js";
import { writeFilesAtomic } from "../core/atomic-write.js";
import { sourceById } from "../sources/registry.js";
import { sha256 } from "../sources/verify.js";
import { codebookMarkdown, coverage } from "./codebook.js";
import type { ColumnType, Panel } from "./panel.js";

/**
 * Format a number for panel.csv: integers in plain digits; other values in the
 * shortest form that reads back to the same double, never in exponent notation.
 * The same value always gives the same text.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot write ${x} to panel.csv`);
  if (Object.is(x, -0)) return "0";
  const s = String(x);
  if (!/e/i.test(s)) return s;
  // Exponent form appears only below 1e-6 or at 1e21 and above; expand it.
  return Math.abs(x) >= 1 ? BigInt(Math.round(x)).toString() : x.toFixed(20).replace(/0+$/, "");
}

function csvField(v: number | string | null): string {
  if (v === null) return "";
  if (typeof v === "number") return formatNumber(v);
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** panel.csv text: a header line, then one line per row; missing = empty cell; LF line ends. */
export function panelCsv(panel: Panel): string {
  const names = [...panel.columns.keys()];
  const cols = names.map((n) => panel.columns.get(n)!.values);
  const lines: string[] = [names.join(",")];
  for (let i = 0; i < panel.nrows; i++) {
    let line = "";
    for (let j = 0; j < cols.length; j++) line += (j === 0 ? "" : ",") + csvField(cols[j][i]);
    lines.push(line);
  }
  return lines.join("\n") + "\n";
}

/** The provenance record written beside the panel. */
export interface Provenance {
  readonly program: { readonly name: "peacekeeping-trafficking"; readonly version: string };
  readonly unit: "country-year";
  readonly system: "cow";
  readonly years: readonly [number, number];
  readonly rows: number;
  readonly options: Panel["meta"]["options"];
  readonly steps: readonly string[];
  readonly warnings: readonly string[];
  readonly sources: ReadonlyArray<{ id: string; file: string; sha256: string; citation: string }>;
  readonly columns: ReadonlyArray<{ name: string; type: ColumnType; sources: readonly string[]; nonMissing: number }>;
  /** SHA-256 of the panel.csv written with it. */
  readonly panelCsvSha256: string;
}

/** Build the provenance record (no timestamps, so the same inputs give the same bytes). */
export function provenance(panel: Panel, version: string, csvSha256: string): Provenance {
  return {
    program: { name: "peacekeeping-trafficking", version },
    unit: panel.meta.unit,
    system: panel.meta.system,
    years: panel.meta.years,
    rows: panel.nrows,
    options: panel.meta.options,
    steps: panel.meta.steps,
    warnings: panel.meta.warnings,
    sources: panel.meta.sources.map((id) => {
      const s = sourceById(id);
      return { id, file: s?.file ?? "", sha256: s?.sha256 ?? "", citation: s?.citation ?? "" };
    }),
    columns: [...panel.columns.values()].map((c) => ({
      name: c.doc.name,
      type: c.doc.type,
      sources: c.doc.sources,
      nonMissing: coverage(panel, c.doc.name).nonMissing,
    })),
    panelCsvSha256: csvSha256,
  };
}

const SQL_TYPE: Record<ColumnType, ParquetType> = { string: "VARCHAR", integer: "INTEGER", number: "DOUBLE", binary: "TINYINT" };

/** The panel as Parquet bytes (one writer for every Parquet file: src/core/parquet.ts). */
export async function panelParquet(panel: Panel): Promise<Uint8Array> {
  const cols = [...panel.columns.values()];
  return parquetBytes(cols.map((c) => ({ name: c.doc.name, type: SQL_TYPE[c.doc.type], values: c.values })), panel.nrows);
}

/** The files `writePanel` writes, by name. */
export const PANEL_FILES = ["panel.csv", "panel.parquet", "codebook.md", "provenance.json"] as const;

/**
 * Write panel.csv, panel.parquet, codebook.md and provenance.json into `outDir`.
 * All four are prepared first and renamed into place together, so a failed run
 * leaves earlier outputs intact. Returns the paths written.
 */
export async function writePanel(panel: Panel, outDir: string, version: string): Promise<string[]> {
  const csv = panelCsv(panel);
  const csvSha = sha256(Buffer.from(csv, "utf8"));
  const parquet = await panelParquet(panel);
  const files = [
    { path: join(outDir, "panel.csv"), data: csv },
    { path: join(outDir, "panel.parquet"), data: parquet },
    { path: join(outDir, "codebook.md"), data: codebookMarkdown(panel) },
    { path: join(outDir, "provenance.json"), data: JSON.stringify(provenance(panel, version, csvSha), null, 2) + "\n" },
  ];
  writeFilesAtomic(files);
  return files.map((f) => f.path);
}
