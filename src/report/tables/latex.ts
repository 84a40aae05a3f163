import type { TableModel } from "./model.js";

/** Escape LaTeX special characters in text. */
export function escapeLatex(s: string): string {
  return s.replace(/[\\{}$&#%_^~]/g, (c) => (c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\^{}" : c === "~" ? "\\~{}" : `\\${c}`));
}

function cell(s: string): string {
  const m = /^(-?[\d.,]+)(\*+)$/.exec(s);
  return m ? `${m[1]}$^{${m[2]}}$` : text(s);
}

/**
 * Escape text and set comparisons and significance stars in math mode: under LaTeX's
 * default font encoding (OT1) a text-mode `<` prints as an inverted exclamation mark.
 */
export function text(s: string): string {
  return escapeLatex(s).replace(/(?<=^|[\s(])(\*{1,3})? ?p ?([<>=]) ?(\d*\.?\d+)|([<>])/g, (m, st: string | undefined, op: string | undefined, v: string | undefined, bare: string | undefined) => {
    if (bare !== undefined) return `$${bare}$`;
    return `$${st ? `^{${st}}\\,` : ""}p ${op} ${v}$`;
  });
}

/**
 * A table as a LaTeX `table` with booktabs rules. The file says so on its first line:
 * the preamble needs `\usepackage{booktabs}`. Notes follow the table, one paragraph each.
 */
export function tableToLatex(t: TableModel): string {
  const cols = `l${"c".repeat(t.header.length)}`;
  const out: string[] = [
    "% Requires \\usepackage{booktabs} in the preamble (\\toprule, \\midrule, \\bottomrule).",
    "\\begin{table}[htbp]",
    "\\centering",
    `\\caption{${text(t.title)}}`,
    `\\label{tab:${t.id}}`,
    `\\begin{tabular}{${cols}}`,
    "\\toprule",
    ` & ${t.header.map(text).join(" & ")} \\\\`,
  ];
  if (t.subheader) out.push(` & ${t.subheader.map(text).join(" & ")} \\\\`);
  out.push("\\midrule");
  let first = true;
  for (const r of t.rows) {
    if (r.kind === "stat" && first) {
      out.push("\\midrule");
      first = false;
    }
    out.push(`${text(r.label)} & ${r.cells.map(cell).join(" & ")} \\\\`);
  }
  out.push("\\bottomrule", "\\end{tabular}");
  if (t.notes.length > 0) {
    out.push("\\par\\smallskip", "{\\footnotesize", ...t.notes.map((n) => `${text(/[.!?)]$/.test(n) ? n : `${n}.`)}\\par`), "}");
  }
  out.push("\\end{table}");
  return out.join("\n") + "\n";
}
