import type { ReportFile } from "../report/build.js";
import { escapeHtml } from "../report/tables/html.js";
import type { SourceLoader } from "../panel/pipeline.js";
import { fmt } from "./content.js";
import { buildCasesFiles } from "./files.js";
import { runCases, type CasesResults } from "./run.js";

/** The short cases section of the report: one line per case, the event study and non-UN headline, a link to cases.html. */
export function casesSectionLines(r: CasesResults): { intro: string; items: string[]; link: string } {
  const items = r.cases.map((c) => {
    const d = c.deployment;
    const listed = c.timeline.years.filter((y) => y.pdest === 1).map((y) => y.year);
    const hti = c.timeline.years.filter((y) => y.pdest !== null).length;
    const dep = d === null ? "no deployment" : `deployment ${d.start}-${d.end}, peak ${fmt(d.peak, 0)} personnel`;
    return `${c.country.name}: ${dep}; listed as a destination (pdest) in ${listed.length} of ${hti} HTI years.`;
  });
  const es = r.eventStudies.find((s) => s.outcome === "p3_total")?.result;
  if (es) items.push(`Event study, 3P index around UN onset (${es.nTreated} hosts vs ${es.nNeverTreated} never-hosts): ${fmt(es.overall.att)} [${fmt(es.overall.conf_low)}, ${fmt(es.overall.conf_high)}].`);
  const un = r.nonUn.vdem.find((m) => m.id === "un")?.key;
  const nonun = r.nonUn.vdem.find((m) => m.id === "nonun")?.key;
  if (un && nonun) {
    items.push(`Size model with V-Dem democracy: UN ${fmt(un.estimate, 3)} (p = ${fmt(un.p_value, 3)}), all non-UN ${fmt(nonun.estimate, 3)} (p = ${fmt(nonun.p_value, 3)}) per log unit of personnel; NATO and EU estimates rest on a handful of Balkan hosts and Afghanistan.`);
  }
  return {
    intro: "Smith's comparison of Kosovo, Haiti and Sierra Leone (large deployments) with Nepal (none), laid out year by year from the raw data, with a synthetic-control and event-study design and the size model for non-UN forces:",
    items,
    link: "Timelines, before/during/after tables, figures and caveats: cases.html (also cases.md, cases.json).",
  };
}

/** Insert before the first anchor found; without one, append (or leave the text alone when `append` is false). */
function insertBefore(text: string, anchors: readonly string[], insert: string, append = true): string {
  for (const a of anchors) {
    const i = text.indexOf(a);
    if (i >= 0) return text.slice(0, i) + insert + text.slice(i);
  }
  return append ? text + insert : text;
}

/**
 * Add the cases to a report build: run the cases (without the slow synthetic
 * controls), append cases.md/html/json and figures/cases/ to the files, and insert a
 * short "Case studies" section, linking to cases.html, into report.md and report.html
 * before their "Data and method" section.
 */
export async function withCases(files: readonly ReportFile[], o: { dataDir: string; loader?: SourceLoader; png?: boolean; progress?: (s: string) => void }): Promise<ReportFile[]> {
  o.progress?.("case studies");
  const r = runCases({ dataDir: o.dataDir, loader: o.loader, synth: false, progress: o.progress });
  const s = casesSectionLines(r);
  const md = ["## Case studies", "", s.intro, "", ...s.items.map((i) => `- ${i}`), "", `[${s.link}](cases.html)`, "", ""].join("\n");
  const html = [
    '<section id="cases"><h2>Case studies</h2>',
    `<p>${escapeHtml(s.intro)}</p>`,
    "<ul>",
    ...s.items.map((i) => `<li>${escapeHtml(i)}</li>`),
    "</ul>",
    `<p><a href="cases.html">${escapeHtml(s.link)}</a></p>`,
    "</section>",
    "",
  ].join("\n");
  const out = files.map((f) => {
    if (f.path === "report.md" && typeof f.data === "string") return { ...f, data: insertBefore(f.data, ["## Data and method"], md) };
    if (f.path === "report.html" && typeof f.data === "string") {
      const withNav = insertBefore(f.data, ['<a href="#method">'], '<a href="#cases">Case studies</a> · ', false);
      return { ...f, data: insertBefore(withNav, ['<section id="method">', "</main>"], html) };
    }
    return f;
  });
  return [...out, ...(await buildCasesFiles(r, { png: o.png }))];
}
