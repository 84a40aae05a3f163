import type { Finding } from "../study/findings.js";
import type { StudyResults } from "../study/run.js";
import type { FigureDef } from "./figures/index.js";
import { claimTitle, fixedEffectsParagraph, headline, methodParagraphs, optionLines, QUESTION, verdictLabel } from "./prose.js";
import { escapeHtml, tableToHtml } from "./tables/html.js";
import { tableToMarkdown } from "./tables/markdown.js";
import type { TableModel } from "./tables/model.js";
import { REPORT_CSS } from "./style.js";

/** One input file of the report, for the provenance section. */
export interface ProvenanceEntry {
  readonly id: string;
  readonly file: string;
  readonly sha256: string;
  readonly citation: string;
  /** What it was used for: main models, robustness checks, or the map. */
  readonly usedFor: string;
}

/** Everything the report text is made from (all numbers already computed). */
export interface ReportContent {
  readonly study: StudyResults;
  readonly mainTable: TableModel;
  readonly robustnessTable: TableModel;
  /** Each figure with its inline HTML (wide and narrow SVG, see drawFigure). */
  readonly figures: readonly { readonly def: FigureDef; readonly svg: string }[];
  readonly provenance: readonly ProvenanceEntry[];
  readonly version: string;
}

const TITLE = "UN peacekeeping and sex trafficking: a replication from public raw data";

function modelLines(s: StudyResults): string[] {
  return s.models.map((m) => `${m.spec.id} (${m.spec.title}): \`${m.formula}\`, ${m.spec.estimator}, ${m.results.vcov_type}`);
}

/** The report as Markdown; figures are linked as `figures/<id>.svg` beside it. */
export function reportMarkdown(c: ReportContent): string {
  const s = c.study;
  const out: string[] = [`# ${TITLE}`, "", `*${QUESTION}*`, "", "## Findings", "", headline(s.findings), ""];
  for (const f of s.findings) out.push(`- **${claimTitle(f)}: ${verdictLabel(f)}.** ${f.plain}`, `  Evidence: ${evidence(f)}`);
  out.push("", "## Models", "");
  for (const l of modelLines(s)) out.push(`- ${l}`);
  out.push("", "## Main results", "", tableToMarkdown(c.mainTable), "## Figures", "");
  for (const f of c.figures) out.push(`### ${f.def.title}`, "", `![${f.def.title}](figures/${f.def.id}.svg)`, "", f.def.caption, "");
  out.push("## Robustness", "", tableToMarkdown(c.robustnessTable));
  const fe = fixedEffectsParagraph(s.robustness, s.models);
  if (fe) out.push(fe, "");
  out.push("## Data and method", "");
  for (const p of methodParagraphs(s)) out.push(p, "");
  out.push("## Provenance", "", `Built by peacekeeping-trafficking ${c.version}. Options:`, "");
  for (const l of optionLines(s.options)) out.push(`- ${l}`);
  out.push("", "| file | SHA-256 | used for | citation |", "|---|---|---|---|");
  for (const p of c.provenance) out.push(`| \`${p.file}\` | \`${p.sha256}\` | ${p.usedFor} | ${p.citation.replace(/\|/g, "\\|")} |`);
  out.push("");
  return out.join("\n");
}

/** The numbers behind a finding (its text without the leading verdict words). */
function evidence(f: Finding): string {
  return f.text.replace(/^[^:]*: /, "");
}

function badgeClass(f: Finding): string {
  if (f.verdict === "supported") return "ok";
  if (f.verdict === "direction-only" || f.verdict === "inconclusive") return "weak";
  if (f.verdict === "not-estimable") return "na";
  return "no";
}

/** A self-contained HTML page: inline CSS and inline SVG figures, no network requests. */
export function reportHtml(c: ReportContent): string {
  const s = c.study;
  const h: string[] = [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(TITLE)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<h1>${escapeHtml(TITLE)}</h1>`,
    `<p class="question">${escapeHtml(QUESTION)}</p>`,
    '<nav><a href="#findings">Findings</a> · <a href="#results">Main results</a> · <a href="#figures">Figures</a> · <a href="#robustness">Robustness</a> · <a href="#method">Data and method</a> · <a href="#provenance">Provenance</a></nav>',
    '<section id="findings"><h2>Findings</h2>',
    `<p class="headline">${escapeHtml(headline(s.findings))}</p>`,
    '<div class="findings">',
  ];
  for (const f of s.findings) {
    h.push(
      `<article class="finding ${badgeClass(f)}"><h3>${escapeHtml(claimTitle(f))}</h3>`,
      `<p class="badge">${escapeHtml(verdictLabel(f))}</p>`,
      `<p>${escapeHtml(f.plain)}</p>`,
      `<p class="evidence">Evidence: ${escapeHtml(evidence(f))}</p></article>`,
    );
  }
  h.push("</div></section>", '<section id="results"><h2>Main results</h2>', "<ul class=\"models\">");
  for (const l of modelLines(s)) h.push(`<li>${escapeHtml(l).replace(/`([^`]*)`/g, "<code>$1</code>")}</li>`);
  h.push("</ul>", `<div class="tablewrap">${tableToHtml(c.mainTable)}</div>`, "</section>", '<section id="figures"><h2>Figures</h2>');
  for (const f of c.figures) {
    h.push(`<figure id="fig-${escapeHtml(f.def.id)}">`, f.svg, `<figcaption><strong>${escapeHtml(f.def.title)}.</strong> ${escapeHtml(f.def.caption)}</figcaption>`, "</figure>");
  }
  h.push("</section>", '<section id="robustness"><h2>Robustness</h2>', `<div class="tablewrap">${tableToHtml(c.robustnessTable)}</div>`);
  const fe = fixedEffectsParagraph(s.robustness, s.models);
  if (fe) h.push(`<p>${escapeHtml(fe)}</p>`);
  h.push("</section>", '<section id="method"><h2>Data and method</h2>');
  for (const p of methodParagraphs(s)) h.push(`<p>${escapeHtml(p)}</p>`);
  h.push("</section>", '<section id="provenance"><h2>Provenance</h2>', `<p>Built by peacekeeping-trafficking ${escapeHtml(c.version)} with these options:</p>`, '<ul class="options">');
  for (const l of optionLines(s.options)) h.push(`<li>${escapeHtml(l)}</li>`);
  h.push("</ul>", '<table class="provenance"><thead><tr><th>File</th><th>SHA-256</th><th>Used for</th><th>Citation</th></tr></thead><tbody>');
  for (const p of c.provenance) {
    h.push(`<tr><td><code>${escapeHtml(p.file)}</code></td><td><code class="hash">${escapeHtml(p.sha256)}</code></td><td>${escapeHtml(p.usedFor)}</td><td>${escapeHtml(p.citation)}</td></tr>`);
  }
  h.push("</tbody></table>", "</section>", "</main>", "</body>", "</html>", "");
  return h.join("\n");
}
