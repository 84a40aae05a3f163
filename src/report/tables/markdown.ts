import type { TableModel } from "./model.js";

/** Escape the characters Markdown would read as table syntax or emphasis. */
function escapeCell(s: string): string {
  return s.replace(/([|*_])/g, "\\$1");
}

/** A table as GitHub-flavoured Markdown (title as bold line, notes as a paragraph). */
export function tableToMarkdown(t: TableModel): string {
  const lines: string[] = [`**${t.title}**`, ""];
  const header = ["", ...t.header];
  lines.push(`| ${header.map(escapeCell).join(" | ")} |`);
  lines.push(`|${header.map((_, i) => (i === 0 ? ":---" : ":---:")).join("|")}|`);
  if (t.subheader) lines.push(`| ${["", ...t.subheader].map(escapeCell).join(" | ")} |`);
  for (const r of t.rows) {
    const label = r.kind === "stat" ? `*${escapeCell(r.label)}*` : escapeCell(r.label);
    lines.push(`| ${[label, ...r.cells.map(escapeCell)].join(" | ")} |`);
  }
  lines.push("");
  for (const n of t.notes) lines.push(`${escapeCell(n)}  `);
  return lines.join("\n").replace(/ {2}$/, "") + "\n";
}
