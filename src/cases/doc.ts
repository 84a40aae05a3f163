import { escapeHtml } from "../doc/html.js";

/** A block of the cases page, rendered to Markdown or HTML. */
export type Block =
  | { readonly kind: "h1" | "h2" | "h3"; readonly text: string; readonly id?: string }
  | { readonly kind: "p"; readonly text: string; readonly cls?: string }
  | { readonly kind: "ul"; readonly items: readonly string[] }
  | { readonly kind: "table"; readonly caption: string; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly note?: string; readonly collapsed?: boolean }
  | { readonly kind: "figure"; readonly id: string; readonly title: string; readonly caption: string };

/** Inline Markdown used in text: `**bold**` and `` `code` `` only. */
function inlineHtml(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/`([^`]+)`/g, "<code>$1</code>");
}

function mdCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The blocks as Markdown; figures link to `figDir/<id>.svg`. */
export function blocksToMarkdown(blocks: readonly Block[], figDir: string): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "h1": out.push(`# ${b.text}`, ""); break;
      case "h2": out.push(`## ${b.text}`, ""); break;
      case "h3": out.push(`### ${b.text}`, ""); break;
      case "p": out.push(b.text, ""); break;
      case "ul": out.push(...b.items.map((i) => `- ${i}`), ""); break;
      case "table":
        out.push(`**${b.caption}**`, "", `| ${b.head.map(mdCell).join(" | ")} |`, `|${b.head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
        for (const r of b.rows) out.push(`| ${r.map(mdCell).join(" | ")} |`);
        out.push("");
        if (b.note) out.push(`*${b.note}*`, "");
        break;
      case "figure": out.push(`![${b.title}](${figDir}/${b.id}.svg)`, "", `*${b.title}.* ${b.caption}`, ""); break;
    }
  }
  return out.join("\n");
}

/**
 * The blocks as HTML body content. `svgs` maps figure ids to inline SVG (ids already
 * prefixed); a figure without one is linked as an image from `figDir`.
 */
export function blocksToHtml(blocks: readonly Block[], svgs: ReadonlyMap<string, string>, figDir: string): string {
  const h: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "h1": case "h2": case "h3":
        h.push(`<${b.kind}${b.id ? ` id="${escapeHtml(b.id)}"` : ""}>${escapeHtml(b.text)}</${b.kind}>`);
        break;
      case "p": h.push(`<p${b.cls ? ` class="${b.cls}"` : ""}>${inlineHtml(b.text)}</p>`); break;
      case "ul": h.push("<ul>", ...b.items.map((i) => `<li>${inlineHtml(i)}</li>`), "</ul>"); break;
      case "table": {
        if (b.collapsed) h.push(`<details><summary>${inlineHtml(b.caption)}</summary>`);
        h.push('<div class="tablewrap"><table class="cases">', `<caption>${inlineHtml(b.caption)}</caption>`, "<thead><tr>", ...b.head.map((c) => `<th>${inlineHtml(c)}</th>`), "</tr></thead><tbody>");
        // A column with any long cell wraps and is left-aligned as a whole.
        const long = new Set(b.head.map((_, i) => i).filter((i) => b.rows.some((r) => (r[i] ?? "").length > 28)));
        for (const r of b.rows) h.push(`<tr>${r.map((c, i) => (i === 0 ? `<th>${inlineHtml(c)}</th>` : `<td${long.has(i) ? ' class="long"' : ""}>${inlineHtml(c)}</td>`)).join("")}</tr>`);
        h.push("</tbody>", b.note ? `<tfoot><tr><td colspan="${b.head.length}">${inlineHtml(b.note)}</td></tr></tfoot>` : "", "</table></div>");
        if (b.collapsed) h.push("</details>");
        break;
      }
      case "figure": {
        const svg = svgs.get(b.id);
        h.push(
          `<figure id="fig-${escapeHtml(b.id)}">`,
          svg ?? `<img src="${escapeHtml(`${figDir}/${b.id}.svg`)}" alt="${escapeHtml(b.title)}">`,
          `<figcaption><strong>${escapeHtml(b.title)}.</strong> ${inlineHtml(b.caption)}</figcaption>`,
          "</figure>",
        );
        break;
      }
    }
  }
  return h.join("\n");
}

/** Extra styles of the cases page, on top of the report's stylesheet. */
export const CASES_CSS = `
table.cases{border-collapse:collapse;margin:1rem 0;font-size:.85rem;font-variant-numeric:tabular-nums}
table.cases caption{text-align:left;font-weight:bold;padding-bottom:.4rem}
table.cases th,table.cases td{padding:.2rem .6rem;border-bottom:1px solid var(--rule);text-align:right;vertical-align:top}
table.cases td{white-space:nowrap}
table.cases td.long{white-space:normal;min-width:16rem;text-align:left}
table.cases thead th{border-bottom:2px solid var(--ink);text-align:right;white-space:normal;vertical-align:bottom}
table.cases thead th:first-child,table.cases tbody th{text-align:left;font-weight:normal;min-width:12rem}
table.cases tfoot td{text-align:left;font-size:.78rem;color:var(--muted);border:0;padding-top:.4rem;white-space:normal}
p.note{font-size:.9rem;color:var(--muted)}
details{margin:.5rem 0 1.5rem}
summary{cursor:pointer;color:#2b6cb0;font-size:.92rem}
main.cases{max-width:80rem}
@media (max-width:640px){table.cases thead th:first-child,table.cases tbody th{min-width:8rem}table.cases td.long{min-width:12rem}}
p.caveat{border-left:4px solid var(--weak);padding:.3rem .8rem;background:#fffaf0;font-size:.92rem}
`;
