import { pPhrase } from "../core/significance.js";
import type { Section } from "../doc/blocks.js";
import { fmt } from "./content.js";
import type { CasesResults } from "./run.js";

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
    items.push(`Size model with V-Dem democracy: UN ${fmt(un.estimate, 3)} (${pPhrase(un.p_value)}), all non-UN ${fmt(nonun.estimate, 3)} (${pPhrase(nonun.p_value)}) per log unit of personnel; NATO and EU estimates rest on a handful of Balkan hosts and Afghanistan.`);
  }
  return {
    intro: "Smith's comparison of Kosovo, Haiti and Sierra Leone (large deployments) with Nepal (none), laid out year by year from the raw data, with a synthetic-control and event-study design and the size model for non-UN forces:",
    items,
    link: "Timelines, before/during/after tables, figures and caveats: cases.html (also cases.md, cases.json).",
  };
}

/** The cases as a section of the report (placed by the report before its "method" section). */
export function casesSection(r: CasesResults): Section {
  const s = casesSectionLines(r);
  return {
    id: "cases",
    title: "Case studies",
    nav: "Case studies",
    blocks: [{ kind: "p", text: s.intro }, { kind: "ul", items: s.items }, { kind: "link", text: s.link, href: "cases.html" }],
  };
}
