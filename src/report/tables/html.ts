import type { TableModel } from "./model.js";

import { escapeHtml } from "../../doc/html.js";

export { escapeHtml };

/** A table as an HTML `<table>` (class `regtable`), with a caption and notes in a footer. */
export function tableToHtml(t: TableModel): string {
  const out: string[] = [`<table class="regtable" id="table-${escapeHtml(t.id)}">`, `<caption>${escapeHtml(t.title)}</caption>`, "<thead>"];
  out.push(`<tr><th></th>${t.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr>`);
  if (t.subheader) out.push(`<tr class="sub"><th></th>${t.subheader.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr>`);
  out.push("</thead>", "<tbody>");
  let first = true;
  for (const r of t.rows) {
    const cls = r.kind === "stat" && first ? ' class="stat first"' : r.kind === "stat" ? ' class="stat"' : r.kind === "se" ? ' class="se"' : "";
    if (r.kind === "stat") first = false;
    out.push(`<tr${cls}><th scope="row">${escapeHtml(r.label)}</th>${r.cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`);
  }
  out.push("</tbody>");
  if (t.notes.length > 0) {
    out.push(`<tfoot><tr><td colspan="${t.header.length + 1}">${t.notes.map(escapeHtml).join("<br>")}</td></tr></tfoot>`);
  }
  out.push("</table>");
  return out.join("\n") + "\n";
}
