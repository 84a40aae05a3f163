import type { PanelRow } from "../study/data.js";

const FIRST = ["ccode", "iso3", "country", "year", "report_year"];

function field(v: PanelRow[string] | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "1" : "0";
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The analysis panel as CSV: the rows the models were fitted on (before listwise
 * deletion), keys first, then the other columns in first-seen order; numbers in
 * shortest round-trip form so R reads back exactly the same doubles; missing = empty.
 */
export function analysisCsv(rows: readonly PanelRow[]): string {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const c of FIRST) {
    if (rows.some((r) => c in r)) {
      cols.push(c);
      seen.add(c);
    }
  }
  for (const r of rows) {
    for (const c of Object.keys(r)) {
      if (seen.has(c)) continue;
      seen.add(c);
      cols.push(c);
    }
  }
  const lines = [cols.join(",")];
  for (const r of rows) lines.push(cols.map((c) => field(r[c])).join(","));
  return lines.join("\n") + "\n";
}
