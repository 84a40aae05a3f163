import { INDICATORS, OUTCOME_KEYS, type CaseResult } from "./analyse.js";
import { DESIGN_OUTCOMES, MIN_PRE_YEARS } from "./designs.js";
import type { Block } from "./doc.js";
import { ORG_LABELS } from "./types.js";
import type { CasesResults } from "./run.js";
import { nonUnBlocks } from "./content-nonun.js";

/** Format a number: integers with thousands separators, others with `d` decimals; "–" for missing. */
export function fmt(v: number | null | undefined, d = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  if (d === 0) return Math.round(v).toLocaleString("en-US");
  return v.toFixed(d);
}

function signed(v: number | null, d = 2): string {
  if (v === null || !Number.isFinite(v)) return "–";
  return `${v > 0 ? "+" : ""}${d === 0 ? Math.round(v).toLocaleString("en-US") : v.toFixed(d)}`;
}

/** File stem of a case's figures, e.g. `sierra-leone-timeline`. */
export function caseSlug(c: CaseResult): string {
  return c.country.name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

const DECIMALS: Record<string, number> = { personnel: 0, unTotal: 0, nonUnTotal: 0, usTroops: 0, pdest: 2, destination: 2, tipTier: 2, p3Total: 1 };

function span(s: readonly [number, number] | null): string {
  return s === null ? "" : s[0] === s[1] ? ` (${s[0]})` : ` (${s[0]}-${s[1]})`;
}

function periodTableBlock(c: CaseResult): Block {
  const t = c.table[0];
  const head = ["Indicator", `Before${span(t.before.span)}`, `During${span(t.during.span)}`, `After${span(t.after.span)}`, "During − before"];
  const rows = c.table.map((r) => {
    const ind = INDICATORS.find((i) => i.key === r.indicator)!;
    const d = DECIMALS[r.indicator] ?? 2;
    const cellOf = (p: typeof r.before) => (p.mean === null ? (p.span === null ? "none in window" : "no data") : `${fmt(p.mean, d)} [${p.n}]`);
    return [`${ind.label} (${ind.unit})`, cellOf(r.before), cellOf(r.during), cellOf(r.after), signed(r.changeDuring, d === 0 ? 0 : 2)];
  });
  return {
    kind: "table",
    caption: `${c.country.name}: before, during and after the deployment`,
    head,
    rows,
    note: "Means over the period's years with data; [n] = years with data. HTI and tiers: TIP report of the following year, shown at the calendar year it mostly covers.",
  };
}

function yearTableBlock(c: CaseResult): Block {
  const flag = (v: number | null) => (v === null ? "–" : v === 1 ? "Yes" : "No");
  const rows = c.timeline.years.map((y) => {
    const ms = y.missions.filter((m) => m.total >= 0.5).map((m) => `${m.mission} ${fmt(m.total, 0)}`).join(", ");
    return [String(y.year), fmt(y.unTotal, 0), fmt(y.unTroops, 0), fmt(y.nonUnTotal, 0), ms || "–", fmt(y.usTroops, 0), flag(y.pdest), flag(y.destination), fmt(y.tipTier, 1), fmt(y.p3Total, 0)];
  });
  return {
    kind: "table",
    caption: `${c.country.name}: year by year`,
    head: ["Year", "UN", "UN troops", "Non-UN", "Missions (persons)", "US troops", "pdest", "Any dest.", "Tier", "3P"],
    rows,
    note: "Personnel: mean of monthly counts. pdest / any destination / tier: TIP report of the following year. – = no data.",
    collapsed: true,
  };
}

function missionSentence(c: CaseResult): string {
  const d = c.deployment;
  if (d === null) return `${c.country.name} had no UN or non-UN personnel in ${c.timeline.years[0].year}-${c.timeline.years.at(-1)!.year}.`;
  const ms = c.missions.slice(0, 4).map((m) => `${m.mission} (${ORG_LABELS[m.org as keyof typeof ORG_LABELS] ?? m.org}, ${m.first === m.last ? m.first : `${m.first}-${m.last}`}, peak ${fmt(m.peak, 0)})`);
  return `Deployment ${d.start}-${d.end}, largest in ${d.peakYear} with ${fmt(d.peak, 0)} personnel (yearly mean of monthly counts, UN + non-UN). Missions: ${ms.join("; ")}.`;
}

function caseSummary(c: CaseResult): string {
  const pd = c.table.find((r) => r.indicator === "pdest")!;
  const hti = c.timeline.years.filter((y) => y.pdest !== null);
  const first = hti.find((y) => y.pdest === 1)?.year ?? null;
  const kosovo = c.timeline.years.some((y) => y.indicatorsFrom !== c.country.ccode && y.pdest !== null) ? " (as part of Serbia and Montenegro before 2008)" : "";
  const listed =
    first === null
      ? "never listed as a destination for forced prostitution in HTI"
      : hti.every((y) => y.pdest === 1)
        ? `listed as a destination for forced prostitution in every HTI year, ${hti[0].year}-${hti.at(-1)!.year}${kosovo}`
        : `listed as a destination for forced prostitution from ${first} (calendar year; TIP report ${first + 1})${kosovo}`;
  const change = pd.changeDuring === null ? "no before/during comparison is possible for pdest" : `the share of years listed went from ${fmt(pd.before.mean)} before to ${fmt(pd.during.mean)} during the deployment`;
  const troops = c.timeline.years.some((y) => (y.unTroops ?? 0) > 0 || (y.nonUnTotal ?? 0) > 0);
  const peak = c.deployment === null ? "no deployment" : `peak ${fmt(c.deployment.peak, 0)} personnel in ${c.deployment.peakYear}${troops ? "" : " (UN monitors, no troops)"}`;
  return `**${c.country.name}**: ${peak}; ${listed}; ${change}.`;
}

function relationRows(points: CasesResults["relation"]["points"]): string[][] {
  return points.map((p) => [p.country, fmt(p.peak, 0), p.start === null ? "–" : String(p.start), ...OUTCOME_KEYS.map((k) => signed(p.change[k]))]);
}

/** The indicators of the cross-case relation, in words. */
export const OUTCOME_WORDS: Record<(typeof OUTCOME_KEYS)[number], string> = { pdest: "forced-prostitution destination (HTI pdest)", destination: "any destination (HTI)", tipTier: "TIP tier", p3Total: "3P index" };

function correlationText(rel: CasesResults["relation"]): string {
  return OUTCOME_KEYS.map((k) => {
    const c = rel.correlation[k];
    return `${OUTCOME_WORDS[k]}: ${c.r === null ? `not computed (${c.n} host${c.n === 1 ? "" : "s"} with data)` : `r = ${c.r.toFixed(2)} over ${c.n} hosts`}`;
  }).join("; ");
}

function relationBlocks(r: CasesResults): Block[] {
  const head = ["Host", "Peak personnel", "Deployment start", "pdest", "Any destination", "TIP tier", "3P index"];
  const chosen = new Set(r.cases.map((c) => c.country.ccode));
  const others = r.relationWide.points.filter((p) => !chosen.has(p.ccode));
  const b: Block[] = [
    { kind: "h2", text: "Deployment size and the change in the indicators", id: "relation" },
    {
      kind: "table",
      caption: "Peak deployment size and the change (during minus before) in each indicator: the chosen cases",
      head,
      rows: relationRows(r.relation.points),
      note: "Change = mean during the deployment minus mean before it; – = a period without data (the deployment began before the indicator exists).",
    },
  ];
  if (others.length > 0) {
    b.push({
      kind: "table",
      caption: "The same for every other host whose UN deployment began inside the indicator series",
      head,
      rows: relationRows(others),
      note: "Hosts of the event study below. Their deployment periods come from the same rule (the spell of UN or non-UN personnel with the largest peak), so a spell may start with a non-UN force (Sudan: AMIS 2004).",
    });
  }
  b.push(
    { kind: "p", text: `Correlation of log(1 + peak) with the change, chosen cases: ${correlationText(r.relation)}. All hosts above: ${correlationText(r.relationWide)}. A positive correlation for pdest, destination or the tier (higher = worse), or a negative one for the 3P index, would fit "in proportion to the deployment's size".` },
    { kind: "figure", id: "relation", title: "Deployment size and the change in the trafficking indicators", caption: "One point per host with a before and a during value (orange: the chosen cases; blue: other hosts; a label moved off its point is joined to it by a thin line); horizontal axis symmetric-log. Hosts whose deployment began before an indicator exists cannot be placed on that panel." },
  );
  return b;
}

function designBlocks(r: CasesResults): Block[] {
  const b: Block[] = [{ kind: "h2", text: "Beyond the chapter: synthetic control and event study", id: "designs" }];
  const never = r.neverHosts.length;
  b.push({
    kind: "p",
    text: `Comparison units: the ${never} countries that never hosted UN personnel (IPI 1990-2017, Kathman 1990-2019) or a non-UN operation (Bara-Hultman 1993-2016). Onset: the first year with UN personnel after at least 3 years without. Outcomes with yearly variation: the 3P index (2000-2013) and the TIP tier (TIP reports 2001-2015, at calendar years 2000-2014); the event study also uses HTI pdest (2000-2010) as a linear probability.`,
  });
  if (r.settings.synth) {
    const rows = r.synth.map((s) => {
      const e = s.estimate;
      const label = DESIGN_OUTCOMES.find((d) => d.col === s.outcome)!.label;
      if (e === null) return [s.country, label, s.onset === null ? "–" : String(s.onset), "–", "–", "–", "–", s.reason ?? ""];
      const w = e.weights.slice(0, 3).map((x) => `${x.unit} ${x.weight.toFixed(2)}`).join(", ");
      const short = e.years.filter((y) => y >= (s.onset ?? 0)).length;
      return [s.country, label, String(s.onset), signed(e.att), fmt(e.preRmspe, 3), `${fmt(e.pValue)} / ${fmt(e.pValueFiltered)}`, String(e.donors), `${w}${short < 3 ? `; only ${short} post-onset year${short === 1 ? "" : "s"}` : ""}`];
    });
    b.push({
      kind: "table",
      caption: "Synthetic control for each host with a pre-onset period in the outcome",
      head: ["Host", "Outcome", "Onset", "Effect", "Pre RMSPE", "Placebo p", "Donors", "Largest donor weights, or why not estimated"],
      rows,
      note: `Outcome-path synthetic control over the years the host has data (at least ${MIN_PRE_YEARS} before onset). Effect: mean gap (host minus synthetic) after onset. Placebo p: share of units (host included) whose post/pre RMSPE ratio is at least the host's, among all placebos / among placebos whose pre-onset RMSPE is at most 5 times the host's. 3P: higher = stronger policy; tier: higher = worse.`,
    });
    for (const out of DESIGN_OUTCOMES.filter((d) => d.col !== "pdest")) {
      if (r.synth.some((s) => s.outcome === out.col && s.estimate !== null)) {
        b.push({ kind: "figure", id: `synth-${out.col.replace("_", "-")}`, title: `Synthetic control: ${out.label}`, caption: "Each panel one host: its outcome (solid) and its synthetic control (dashed); dashed rule at onset." });
      }
    }
  } else b.push({ kind: "p", text: "Synthetic controls are not part of this build (they refit the design once per donor as a placebo): run `pkt cases` to add them.", cls: "note" });
  const esRows = r.eventStudies.map((s) => {
    const label = DESIGN_OUTCOMES.find((d) => d.col === s.outcome)!.label;
    if (s.result === null) return [label, "–", "–", "–", s.reason ?? ""];
    const o = s.result.overall;
    const pre = s.result.estimates.filter((e) => e.e < -1 && e.conf_low !== null && (e.conf_low > 0 || (e.conf_high ?? 0) < 0)).map((e) => e.e);
    return [label, signed(o.att), `${fmt(o.conf_low)} to ${fmt(o.conf_high)}`, s.treated.map((t) => `${t.country} ${t.onset}`).join(", "), pre.length ? `pre-onset estimates away from 0 at e = ${pre.join(", ")}` : "no pre-onset estimate away from 0"];
  });
  b.push({
    kind: "table",
    caption: `Event study around UN onset (years ${r.settings.eventWindow[0]} to +${r.settings.eventWindow[1]}), never-hosts as controls`,
    head: ["Outcome", "Average effect, years 0+", "95% CI (bootstrap)", "Hosts (onset)", "Pre-trend check"],
    rows: esRows,
    note: `Callaway-Sant'Anna group-time ATTs with the year before onset as base, averaged over event times 0 to ${r.settings.eventWindow[1]}; unit bootstrap, ${r.settings.reps} replicates, seed ${r.settings.seed}.`,
  });
  b.push({ kind: "figure", id: "event-study", title: "Event study around UN deployment onset", caption: "ATT by years since onset with 95% bootstrap intervals; the dashed rule separates pre- and post-onset years." });
  b.push({
    kind: "p",
    cls: "caveat",
    text: "Caveats: only about ten hosts start a UN deployment inside the outcome series (some, like Afghanistan's UNAMA and Nepal's UNMIN, are small political or monitoring missions), so every estimate rests on a handful of countries; onsets follow wars that themselves change trafficking and policy, so parallel trends with never-hosts (mostly stable, richer states) is a strong assumption; the tier and pdest move in steps and are often constant, so synthetic controls fit the pre-period exactly with many donors and the placebo p-values are coarse; the 3P index and tiers measure government policy as judged by the US State Department, not trafficking itself.",
  });
  return b;
}

/** The cases page as blocks (shared by cases.md and cases.html). */
export function casesBlocks(r: CasesResults): Block[] {
  const names = r.cases.map((c) => c.country.name);
  const b: Block[] = [
    { kind: "h1", text: `Case studies: ${names.join(", ")}` },
    {
      kind: "p",
      text: "C. A. Smith (\"Peacekeepers and Human Trafficking: The New Security Dilemma\") compares Kosovo, Haiti and Sierra Leone, where large forces deployed, with Nepal, where none did, and argues that trafficking for sexual exploitation rose after deployment, in proportion to its size. This page lays the same cases out year by year from the raw data, adds two quantitative designs, and asks whether the cross-national finding holds for non-UN forces.",
    },
    { kind: "h2", text: "Summary", id: "summary" },
    { kind: "ul", items: r.cases.map(caseSummary) },
    { kind: "h2", text: "How the cases are built", id: "method" },
    {
      kind: "ul",
      items: [
        "Personnel: UN uniformed personnel by mission from IPI's mission-month data (mean of the year's monthly counts), non-UN personnel by operation and organisation from Bara and Hultman (their combined series, months summed and divided by 12), US troops from the troopdata legacy series.",
        "Indicators: HTI `pdest` and `destination` and the TIP tier come from the TIP report of year t+1, shown at calendar year t (the report covers April t to March t+1), as in the study's main alignment; the 3P index is already by calendar year.",
        "Deployment periods: a spell is a run of consecutive years with any UN or non-UN personnel; the deployment is the spell with the largest peak, from its first to its last year. Before = window years before it, after = window years after it. Where a country had an earlier, smaller spell (Haiti 1995-2000) it falls in \"before\" and is named in the notes.",
        "Kosovo: UNMIK (IPI lists it under Serbia) and KFOR (Bara-Hultman lists it under \"Serbia (Yugoslavia)\") are shown under Kosovo in every year. Before 2008 Kosovo is not a state in the COW system and the TIP reports, HTI and the 3P index cover it under Serbia and Montenegro / Serbia (COW 345), so its indicator rows before 2008 are Serbia's, marked as such; from 2008 they are Kosovo's own (COW 347). The cross-national panel instead counts these missions in Serbia through 2007 (option kosovo = split-2008).",
      ],
    },
  ];
  for (const c of r.cases) {
    b.push({ kind: "h2", text: c.country.name, id: `case-${caseSlug(c)}` });
    b.push({ kind: "p", text: missionSentence(c) });
    for (const n of c.notes) b.push({ kind: "p", text: n, cls: "note" });
    b.push(periodTableBlock(c));
    b.push({ kind: "figure", id: `${caseSlug(c)}-timeline`, title: `${c.country.name}: deployments and trafficking indicators`, caption: "Top: personnel by mission (stacked bars) and US troops (black line); dashed grey rules: first and last year of the deployment. Below: HTI destination flags, TIP tier (up = better) and 3P index (up = stronger policy)." });
    b.push(yearTableBlock(c));
  }
  b.push(...relationBlocks(r), ...designBlocks(r), ...nonUnBlocks(r));
  b.push({ kind: "h2", text: "Sources", id: "sources" });
  b.push({ kind: "table", caption: "Files read (SHA-256 verified)", head: ["File", "SHA-256", "Citation"], rows: r.sources.map((s) => [`\`${s.file}\``, `\`${s.sha256.slice(0, 16)}…\``, s.citation]) });
  return b;
}
