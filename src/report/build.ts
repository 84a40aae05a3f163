import type { StudyResults } from "../study/run.js";
import { interactionName, termName } from "../study/spec.js";
import { reportHtml, reportMarkdown, type ProvenanceEntry, type ReportContent } from "./assemble.js";
import type { PlacedSection } from "../doc/blocks.js";
import type { MultiverseDigest } from "../multiverse/for-report.js";
import { drawFigure } from "../doc/figure.js";
import { figureSpecs, renderPng, type WorldFeature } from "./figures/index.js";
import { analysisCsv } from "./panel-csv.js";
import { tableToCsv } from "./tables/csv.js";
import { tableToHtml } from "./tables/html.js";
import { tableToLatex } from "./tables/latex.js";
import { tableToMarkdown } from "./tables/markdown.js";
import type { TableModel } from "./tables/model.js";
import { regressionTable } from "./tables/regression.js";
import { robustnessTable } from "./tables/robustness.js";

/** One output file, path relative to the output directory. */
export interface ReportFile {
  readonly path: string;
  readonly data: string | Uint8Array;
}

/** What the report needs besides the study results. */
export interface ReportContext {
  readonly world: readonly WorldFeature[];
  readonly provenance: readonly ProvenanceEntry[];
  readonly version: string;
  /** Write PNG copies of the figures (default true). */
  readonly png?: boolean;
  /** Called before each step, for progress messages. */
  readonly progress?: (step: string) => void;
  /** Sections made outside the study (the cases), placed by section id. */
  readonly extraSections?: readonly PlacedSection[];
  /** The multiverse whose shares the claim cards show. */
  readonly multiverse?: MultiverseDigest | null;
}

/** Coefficient name -> words, from the model specs. */
export function termLabels(s: StudyResults): Map<string, string> {
  const labels = new Map<string, string>();
  for (const m of s.models) {
    labels.set(termName(m.spec.key), m.spec.key.label);
    for (const c of m.spec.controls) labels.set(termName(c), c.label);
    if (m.spec.moderator) {
      labels.set(termName(m.spec.moderator), m.spec.moderator.label);
      labels.set(interactionName(m.spec) as string, `${m.spec.key.label} x ${m.spec.moderator.label.toLowerCase()}`);
    }
    for (const c of m.spec.controls.filter((x) => x.fn === "factor")) {
      const prefix = termName(c);
      for (const t of m.results.terms) if (t.startsWith(prefix)) labels.set(t, `${c.label} ${t.slice(prefix.length)}`);
    }
  }
  return labels;
}

/** The main regression table (M1-M4). */
export function mainTable(s: StudyResults): TableModel {
  const t = regressionTable(
    "main",
    `Logit models of being listed as a destination (${s.options.outcome}), TIP report years ${s.options.yearFrom}-${s.options.yearTo}`,
    s.models.map((m) => ({ id: m.spec.id, title: `${m.spec.id} ${m.spec.title}`, results: m.results })),
    termLabels(s),
  );
  if (s.failed.length === 0) return t;
  return { ...t, notes: [...t.notes, ...s.failed.map((f) => `${f.id} not estimated with these options: ${f.reason}`)] };
}

function tableFiles(t: TableModel): ReportFile[] {
  return [
    { path: `tables/${t.id}.md`, data: tableToMarkdown(t) },
    { path: `tables/${t.id}.html`, data: tableToHtml(t) },
    { path: `tables/${t.id}.tex`, data: tableToLatex(t) },
    { path: `tables/${t.id}.csv`, data: tableToCsv(t) },
  ];
}

export { prefixSvgIds } from "../doc/figure.js";

/** The study as JSON: options, findings, models (full ModelResults), robustness, sources. */
export function resultsJson(s: StudyResults): string {
  const { rows: _rows, ...rest } = s;
  return JSON.stringify(rest, null, 2) + "\n";
}

/**
 * Render everything: tables in four formats, figures as Vega-Lite JSON, SVG and PNG,
 * the analysis panel, results and provenance JSON, report.md and report.html.
 */
export async function buildReportFiles(s: StudyResults, ctx: ReportContext): Promise<{ files: ReportFile[]; content: ReportContent }> {
  ctx.progress?.("writing tables");
  const main = mainTable(s);
  const robust = robustnessTable(s.robustness);
  const files: ReportFile[] = [...tableFiles(main), ...tableFiles(robust)];
  ctx.progress?.("rendering figures");
  const figures: { def: ReturnType<typeof figureSpecs>[number]; svg: string }[] = [];
  for (const def of figureSpecs(s, ctx.world)) {
    const { svg, html } = await drawFigure(def.id, def.spec);
    figures.push({ def, svg: html });
    files.push({ path: `figures/${def.id}.vl.json`, data: JSON.stringify(def.spec, null, 1) + "\n" });
    files.push({ path: `figures/${def.id}.svg`, data: svg });
    if (ctx.png !== false) files.push({ path: `figures/${def.id}.png`, data: renderPng(svg) });
  }
  ctx.progress?.("assembling the report");
  const content: ReportContent = {
    study: s,
    mainTable: main,
    robustnessTable: robust,
    figures,
    provenance: ctx.provenance,
    version: ctx.version,
    extraSections: ctx.extraSections ?? [],
    multiverse: ctx.multiverse ?? null,
  };
  files.push({ path: "report.md", data: reportMarkdown(content) });
  files.push({ path: "report.html", data: reportHtml(content) });
  files.push({ path: "panel.csv", data: analysisCsv(s.rows) });
  files.push({ path: "results.json", data: resultsJson(s) });
  files.push({
    path: "provenance.json",
    data: JSON.stringify({ program: "peacekeeping-trafficking", version: ctx.version, options: s.options, files: ctx.provenance }, null, 2) + "\n",
  });
  return { files, content };
}
