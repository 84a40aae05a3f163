import type { TableModel } from "./model.js";

function field(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A table as CSV in its display form: first column the row label (the standard-error
 * row repeats the term's label with " (SE)"), then one column per model.
 */
export function tableToCsv(t: TableModel): string {
  const lines = [["", ...t.header].map(field).join(",")];
  if (t.subheader) lines.push(["estimator", ...t.subheader].map(field).join(","));
  let last = "";
  for (const r of t.rows) {
    const label = r.kind === "se" ? `${last} (SE)` : r.label;
    if (r.kind !== "se") last = r.label;
    lines.push([label, ...r.cells].map(field).join(","));
  }
  return lines.join("\n") + "\n";
}
