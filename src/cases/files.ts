import { drawFigure } from "../doc/figure.js";
import { escapeHtml } from "../doc/html.js";
import { renderPng, type VegaLiteSpec } from "../doc/render.js";
import { DOC_CSS } from "../doc/style.js";
import { caseSlug, casesBlocks } from "./content.js";
import { blocksToHtml, blocksToMarkdown, CASES_CSS } from "./doc.js";
import { eventStudySpec, synthSpec } from "./figures-designs.js";
import { relationSpec, timelineSpec } from "./figures.js";
import type { NonUnModel } from "./nonun.js";
import type { CasesResults } from "./run.js";

/** One output file, path relative to the output directory. */
export interface CasesFile {
  readonly path: string;
  readonly data: string | Uint8Array;
}

/** Figures folder, relative to the output directory. */
export const CASES_FIGURE_DIR = "figures/cases";

/** Every figure of the cases page as a Vega-Lite spec, by id (file stem). */
export function casesFigureSpecs(r: CasesResults): { id: string; spec: VegaLiteSpec }[] {
  const figs: { id: string; spec: VegaLiteSpec }[] = r.cases.map((c) => ({ id: `${caseSlug(c)}-timeline`, spec: timelineSpec(c) }));
  figs.push({ id: "relation", spec: relationSpec(r.relationWide, new Set(r.cases.map((c) => c.country.ccode))) });
  for (const col of ["p3_total", "tip_tier"]) {
    const s = synthSpec(r.synth, col);
    if (s !== null) figs.push({ id: `synth-${col.replace("_", "-")}`, spec: s });
  }
  const es = eventStudySpec(r.eventStudies);
  if (es !== null) figs.push({ id: "event-study", spec: es });
  return figs;
}

function modelJson(m: NonUnModel): Record<string, unknown> {
  const { results, ...rest } = m;
  return { ...rest, model: results.model, vcov_type: results.vcov_type, tidy: results.tidy, glance: results.glance, warnings: results.warnings };
}

/** The results as JSON: settings, cases (timelines, tables), relation, designs, non-UN models (tidy + glance), sources. */
export function casesJson(r: CasesResults): string {
  const out = {
    program: "peacekeeping-trafficking cases",
    settings: r.settings,
    cases: r.cases,
    relation: r.relation,
    relationWide: r.relationWide,
    otherHosts: r.otherHosts.map((c) => ({ country: c.country, deployment: c.deployment, table: c.table, notes: c.notes })),
    synth: r.synth,
    eventStudies: r.eventStudies,
    neverHosts: r.neverHosts,
    nonUn: { polity2: r.nonUn.polity2.map(modelJson), vdem: r.nonUn.vdem.map(modelJson) },
    sources: r.sources.map((s) => ({ id: s.id, file: s.file, sha256: s.sha256, citation: s.citation })),
  };
  return JSON.stringify(out, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 1) + "\n";
}

/** A self-contained HTML page (inline CSS and SVG) linking back to the report. */
export function casesHtml(r: CasesResults, svgs: ReadonlyMap<string, string>): string {
  const blocks = casesBlocks(r);
  const title = blocks[0].kind === "h1" ? blocks[0].text : "Case studies";
  const nav = [
    '<a href="report.html">← Report</a>',
    '<a href="#summary">Summary</a>',
    ...r.cases.map((c) => `<a href="#case-${caseSlug(c)}">${escapeHtml(c.country.name)}</a>`),
    '<a href="#relation">Size and change</a>',
    '<a href="#designs">Synthetic control / event study</a>',
    '<a href="#non-un">Non-UN forces</a>',
    '<a href="#sources">Sources</a>',
  ].join(" · ");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${DOC_CSS}${CASES_CSS}</style>`,
    "</head>",
    "<body>",
    '<main class="cases">',
    `<nav>${nav}</nav>`,
    blocksToHtml(blocks, svgs, CASES_FIGURE_DIR),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** Render the figures and write everything: cases.md, cases.html, cases.json, figures/cases/*.{vl.json,svg,png}. */
export async function buildCasesFiles(r: CasesResults, o: { png?: boolean } = {}): Promise<CasesFile[]> {
  const files: CasesFile[] = [];
  const svgs = new Map<string, string>();
  for (const f of casesFigureSpecs(r)) {
    const { svg, html } = await drawFigure(f.id, f.spec);
    svgs.set(f.id, html);
    files.push({ path: `${CASES_FIGURE_DIR}/${f.id}.vl.json`, data: JSON.stringify(f.spec, null, 1) + "\n" });
    files.push({ path: `${CASES_FIGURE_DIR}/${f.id}.svg`, data: svg });
    if (o.png !== false) files.push({ path: `${CASES_FIGURE_DIR}/${f.id}.png`, data: renderPng(svg) });
  }
  files.push({ path: "cases.md", data: blocksToMarkdown(casesBlocks(r), CASES_FIGURE_DIR) });
  files.push({ path: "cases.html", data: casesHtml(r, svgs) });
  files.push({ path: "cases.json", data: casesJson(r) });
  return files;
}
