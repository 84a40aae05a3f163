import type { TableModel } from "./model.js";

/** Escape LaTeX special characters in text. */
export function escapeLatex(s: string): string {
  return s.replace(/[\\{}$&#%_^~]/g, (c) => (c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\^{}" : c === "~" ? "\\~{}" : `\\${c}`));
}

function cell(s: string): string {
  const m = /^(-?[\d.,]+)(\*+)$/.exec(s);
  return m ? `${m[1]}$^{${m[2]}}$` : escapeLatex(s);
}

/** A table as a LaTeX `table` with booktabs rules (needs `\usepackage{booktabs}`). */
export function tableToLatex(t: TableModel): string {
  const cols = `l${"c".repeat(t.header.length)}`;
  const out: string[] = [
    "\\begin{table}[htbp]",
    "\\centering",
    `\\caption{${escapeLatex(t.title)}}`,
    `\\label{tab:${t.id}}`,
    `\\begin{tabular}{${cols}}`,
    "\\toprule",
    ` & ${t.header.map(escapeLatex).join(" & ")} \\\\`,
  ];
  if (t.subheader) out.push(` & ${t.subheader.map(escapeLatex).join(" & ")} \\\\`);
  out.push("\\midrule");
  let first = true;
  for (const r of t.rows) {
    if (r.kind === "stat" && first) {
      out.push("\\midrule");
      first = false;
    }
    out.push(`${escapeLatex(r.label)} & ${r.cells.map(cell).join(" & ")} \\\\`);
  }
  out.push("\\bottomrule", "\\end{tabular}");
  if (t.notes.length > 0) {
    out.push("\\par\\smallskip", `{\\footnotesize ${t.notes.map(escapeLatex).join(" ")}}`);
  }
  out.push("\\end{table}");
  return out.join("\n") + "\n";
}
