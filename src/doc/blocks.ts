/**
 * Pages as data: a page is a list of sections, a section a list of blocks. One renderer
 * turns them into HTML and Markdown (and, through the HTML's print stylesheet, PDF), so
 * the report can compose sections made elsewhere (the study, the cases) by their ids,
 * never by searching rendered text.
 */
import { escapeHtml } from "./html.js";

/** A block of a page, rendered to Markdown or HTML by one renderer. */
export type Block =
  | { readonly kind: "h1" | "h2" | "h3"; readonly text: string; readonly id?: string }
  | { readonly kind: "p"; readonly text: string; readonly cls?: string }
  | { readonly kind: "ul"; readonly items: readonly string[] }
  | { readonly kind: "table"; readonly caption: string; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly note?: string; readonly collapsed?: boolean }
  | { readonly kind: "figure"; readonly id: string; readonly title: string; readonly caption: string }
  | { readonly kind: "link"; readonly text: string; readonly href: string }
  /** Content already rendered (the report's finding cards and regression tables), in both forms. */
  | { readonly kind: "raw"; readonly html: string; readonly markdown: string };

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
      case "link": out.push(`[${b.text}](${b.href})`, ""); break;
      case "raw": out.push(b.markdown, ""); break;
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
      case "link": h.push(`<p><a href="${escapeHtml(b.href)}">${escapeHtml(b.text)}</a></p>`); break;
      case "raw": h.push(b.html); break;
    }
  }
  return h.join("\n");
}

/** A section of a page: an id (anchor and composition key), a heading, a short nav label and its blocks. */
export interface Section {
  readonly id: string;
  readonly title: string;
  readonly nav: string;
  readonly blocks: readonly Block[];
}

/** A section to put into a page before the section with id `before` (at the end when there is none). */
export interface PlacedSection {
  readonly before: string;
  readonly section: Section;
}

/** Insert sections into a list by id. */
export function composeSections(base: readonly Section[], extra: readonly PlacedSection[] = []): Section[] {
  const out = [...base];
  for (const e of extra) {
    const i = out.findIndex((s) => s.id === e.before);
    out.splice(i < 0 ? out.length : i, 0, e.section);
  }
  return out;
}

/** Sections as Markdown (`## title` each). */
export function sectionsToMarkdown(sections: readonly Section[], figDir: string): string {
  return sections.map((s) => `## ${s.title}\n\n${blocksToMarkdown(s.blocks, figDir)}`).join("");
}

/** Sections as HTML `<section>` elements. */
export function sectionsToHtml(sections: readonly Section[], svgs: ReadonlyMap<string, string>, figDir: string): string {
  return sections.map((s) => [`<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>`, blocksToHtml(s.blocks, svgs, figDir), "</section>"].join("\n")).join("\n");
}

/** The nav line of a page: a link to each section, separated by middle dots. */
export function navHtml(sections: readonly Section[], before: readonly string[] = []): string {
  return `<nav>${[...before, ...sections.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.nav)}</a>`)].join(" · ")}</nav>`;
}
