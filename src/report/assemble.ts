import type { Finding } from "../study/findings.js";
import type { StudyResults } from "../study/run.js";
import type { FigureDef } from "./figures/index.js";
import { claimTitle, fixedEffectsParagraph, headline, methodParagraphs, optionLines, QUESTION, verdictLabel } from "./prose.js";
import { escapeHtml, tableToHtml } from "./tables/html.js";
import { tableToMarkdown } from "./tables/markdown.js";
import type { TableModel } from "./tables/model.js";
import { composeSections, navHtml, sectionsToHtml, sectionsToMarkdown, type Block, type PlacedSection, type Section } from "../doc/blocks.js";
import { DOC_CSS } from "../doc/style.js";
import type { MultiverseDigest } from "../multiverse/for-report.js";
import { multiverseCardLine, multiverseLead } from "./multiverse-section.js";

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
  /** Sections made outside the study (the cases), placed before a study section by its id. */
  readonly extraSections?: readonly PlacedSection[];
  /** The multiverse, whose shares each claim card shows (absent: cards without them). */
  readonly multiverse?: MultiverseDigest | null;
}

const TITLE = "UN peacekeeping and sex trafficking: a replication from public raw data";

function modelLines(s: StudyResults): string[] {
  return s.models.map((m) => `${m.spec.id} (${m.spec.title}): \`${m.formula}\`, ${m.spec.estimator}, ${m.results.vcov_type}`);
}

/** The study's sections of the report, as data (each block carries its HTML and Markdown). */
export function studySections(c: ReportContent): Section[] {
  const s = c.study;
  const raw = (html: string, markdown: string): Block => ({ kind: "raw", html, markdown });
  const findings: Block[] = [raw(`<p class="headline">${escapeHtml(headline(s.findings))}</p>`, headline(s.findings))];
  if (c.multiverse) {
    const lead = multiverseLead(c.multiverse);
    findings.push(raw(`<p class="lead">${escapeHtml(lead)} <a href="#multiverse">The multiverse</a> shows which choices matter.</p>`, `${lead} The multiverse section shows which choices matter.`));
  }
  const mv = (f: Finding): string | null => (c.multiverse ? multiverseCardLine(c.multiverse, f.id) : null);
  findings.push(raw(
    ['<div class="findings">', ...s.findings.map((f) => [
      `<article class="finding ${badgeClass(f)}"><h3>${escapeHtml(claimTitle(f))}</h3>`,
      `<p class="badge">${escapeHtml(verdictLabel(f))}</p>`,
      `<p>${escapeHtml(f.plain)}</p>`,
      `<p class="evidence">Default specification: ${escapeHtml(evidence(f))}</p>`,
      ...(mv(f) === null ? [] : [`<p class="multiverse"><a href="#multiverse">${escapeHtml(mv(f)!)}</a></p>`]),
      "</article>",
    ].join("\n")), "</div>"].join("\n"),
    s.findings.map((f) => `- **${claimTitle(f)}: ${verdictLabel(f)}.** ${f.plain}\n  Default specification: ${evidence(f)}${mv(f) === null ? "" : `\n  ${mv(f)}`}`).join("\n"),
  ));
  const models = modelLines(s);
  const results: Block[] = [
    raw(['<ul class="models">', ...models.map((l) => `<li>${escapeHtml(l).replace(/`([^`]*)`/g, "<code>$1</code>")}</li>`), "</ul>"].join("\n"), models.map((l) => `- ${l}`).join("\n")),
    raw(`<div class="tablewrap">${tableToHtml(c.mainTable)}</div>`, tableToMarkdown(c.mainTable).trimEnd()),
  ];
  const figures: Block[] = c.figures.map((f) => raw(
    [`<figure id="fig-${escapeHtml(f.def.id)}">`, f.svg, `<figcaption><strong>${escapeHtml(f.def.title)}.</strong> ${escapeHtml(f.def.caption)}</figcaption>`, "</figure>"].join("\n"),
    `### ${f.def.title}\n\n![${f.def.title}](figures/${f.def.id}.svg)\n\n${f.def.caption}`,
  ));
  const robustness: Block[] = [raw(`<div class="tablewrap">${tableToHtml(c.robustnessTable)}</div>`, tableToMarkdown(c.robustnessTable).trimEnd())];
  const fe = fixedEffectsParagraph(s.robustness, s.models);
  if (fe) robustness.push({ kind: "p", text: fe });
  const method: Block[] = methodParagraphs(s).map((text) => raw(`<p>${escapeHtml(text)}</p>`, text));
  const opts = optionLines(s.options);
  const provenance: Block[] = [
    raw(`<p>Built by peacekeeping-trafficking ${escapeHtml(c.version)} with these options:</p>`, `Built by peacekeeping-trafficking ${c.version}. Options:`),
    raw(['<ul class="options">', ...opts.map((l) => `<li>${escapeHtml(l)}</li>`), "</ul>"].join("\n"), opts.map((l) => `- ${l}`).join("\n")),
    raw(
      ['<div class="tablewrap"><table class="provenance"><thead><tr><th>File</th><th>SHA-256</th><th>Used for</th><th>Citation</th></tr></thead><tbody>',
        ...c.provenance.map((p) => `<tr><td><code>${escapeHtml(p.file)}</code></td><td><code class="hash">${escapeHtml(p.sha256)}</code></td><td>${escapeHtml(p.usedFor)}</td><td>${escapeHtml(p.citation)}</td></tr>`),
        "</tbody></table></div>"].join("\n"),
      ["| file | SHA-256 | used for | citation |", "|---|---|---|---|", ...c.provenance.map((p) => `| \`${p.file}\` | \`${p.sha256}\` | ${p.usedFor} | ${p.citation.replace(/\|/g, "\\|")} |`)].join("\n"),
    ),
  ];
  return [
    { id: "findings", title: "Findings", nav: "Findings", blocks: findings },
    { id: "results", title: "Main results", nav: "Main results", blocks: results },
    { id: "figures", title: "Figures", nav: "Figures", blocks: figures },
    { id: "robustness", title: "Robustness", nav: "Robustness", blocks: robustness },
    { id: "method", title: "Data and method", nav: "Data and method", blocks: method },
    { id: "provenance", title: "Provenance", nav: "Provenance", blocks: provenance },
  ];
}

/** The report's sections: the study's, with the sections made elsewhere (the cases) placed by id. */
export function reportSections(c: ReportContent): Section[] {
  return composeSections(studySections(c), c.extraSections ?? []);
}

/** The report as Markdown; figures are linked as `figures/<id>.svg` beside it. */
export function reportMarkdown(c: ReportContent): string {
  return `# ${TITLE}\n\n*${QUESTION}*\n\n${sectionsToMarkdown(reportSections(c), "figures")}`;
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
  const sections = reportSections(c);
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(TITLE)}</title>`,
    `<style>${DOC_CSS}</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<h1>${escapeHtml(TITLE)}</h1>`,
    `<p class="question">${escapeHtml(QUESTION)}</p>`,
    navHtml(sections),
    sectionsToHtml(sections, new Map(), "figures"),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
