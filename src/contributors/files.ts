import type { VegaLiteSpec } from "../report/figures/specs.js";
import type { Interval, ModerationResult } from "./models.js";
import type { ContributorsResults } from "./run.js";
import type { Moderator, Outcome } from "./spec.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const BLUE = "#2b6cb0";
const PALETTE = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1"];
const CONFIG = {
  font: "DejaVu Sans",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: "#e6e6e6", domainColor: "#888", tickColor: "#888" },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: "start", subtitleFontSize: 11, subtitleColor: "#555" },
};

/** Facet title: the outcome column, its scale and whether it is a government-effort outcome. */
function shortLabel(o: Outcome): string {
  const scale = o.model === "logit" ? "log-odds" : "linear";
  return `${o.col} (${o.kind === "government-effort" ? "government effort, " : ""}${scale})`;
}

const r4 = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(4)) : x);

/**
 * One figure per moderator: the effect of log(1 + personnel) on each outcome across the
 * moderator's observed range among hosts, with 95% bands, one panel per outcome (scales differ).
 */
export function moderatorSpec(m: Moderator, results: readonly ModerationResult[], outcomes: readonly Outcome[]): VegaLiteSpec {
  const values = results
    .filter((r) => r.moderator === m.col)
    .flatMap((r) => {
      const o = outcomes.find((x) => x.col === r.outcome)!;
      return r.curve.map((p) => ({ outcome: shortLabel(o), x: r4(p.x), estimate: r4(p.estimate), low: r4(p.conf_low), high: r4(p.conf_high), zero: 0 }));
    });
  return {
    $schema: SCHEMA,
    title: { text: `Effect of deployment size across: ${m.label}`, subtitle: ["Coefficient of log(1 + UN personnel) at each value of the share among hosts, 95% interval clustered by country.", "pdest and destination: reports 2010-2011; tier: reports 2010-2015; 3P: 2009-2013."] },
    data: { values },
    facet: { field: "outcome", type: "nominal", title: null, sort: outcomes.map(shortLabel), header: { labelFontSize: 12, labelLimit: 0 } },
    columns: 2,
    resolve: { scale: { y: "independent" } },
    spec: {
      width: 300,
      height: 180,
      layer: [
        { mark: { type: "area", color: BLUE, opacity: 0.2 }, encoding: { x: { field: "x", type: "quantitative", title: m.label, scale: { nice: false, zero: false } }, y: { field: "low", type: "quantitative", title: "Effect of size" }, y2: { field: "high" } } },
        { mark: { type: "line", color: PALETTE[0], strokeWidth: 2.5 }, encoding: { x: { field: "x", type: "quantitative" }, y: { field: "estimate", type: "quantitative" } } },
        { mark: { type: "rule", color: "#b22222", strokeDash: [4, 3] }, encoding: { y: { field: "zero", type: "quantitative" } } },
      ],
    },
    config: CONFIG,
  };
}

const f = (x: number, d = 3): string => (Number.isFinite(x) ? x.toFixed(d) : "n/a");
const ci = (i: Interval): string => `${f(i.estimate)} [${f(i.conf_low)}, ${f(i.conf_high)}]`;

function mdeText(r: ModerationResult): string {
  const p = r.power;
  const sides = `${p.mdeLower === null ? "not reached" : f(p.mdeLower)} / ${p.mdeHigher === null ? "not reached" : "+" + f(p.mdeHigher)}`;
  return p.note === null ? sides : `${sides} (${p.note})`;
}

/** "Share from NATO ..." -> "share from NATO ..." (acronyms kept). */
export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** The findings in plain words, one per outcome x moderator. */
export function findingText(r: ModerationResult, o: Outcome, m: Moderator): string {
  return (
    `${o.label} x ${lowerFirst(m.label)}: interaction ${ci(r.interaction)} (N = ${r.n}, ${r.hosts} host-years, ${r.clusters} countries, calendar years ${r.years[0]}-${r.years[1]} where the moderator exists); ` +
    `meaningful = +/-${f(r.meaningful)} (${o.meaningfulText} across the moderator's interquartile range, ${f(r.iqr, 2)}, at the hosts' median deployment of ${Math.round(r.medianSize).toLocaleString("en-US")}); ` +
    `minimum detectable interaction at 80% power ${mdeText(r)}; verdict: **${r.verdict}**.`
  );
}

/** contributors.md */
export function contributorsMarkdown(res: ContributorsResults): string {
  const L: string[] = [];
  L.push("# Who keeps the peace: contributors as moderators of the size effect", "");
  L.push(
    "Does the effect of UN deployment size on trafficking depend on who sends the peacekeepers? Each host-year's UN personnel are described by the " +
      "IPI contributor-by-sex file (2009-11 to 2014-02, every mission; multi-host missions placed where personnel served, as the panel's UN columns). " +
      "Outside calendar years 2009-2014 these measures are missing: Geo-PKO's contributors per location (1994-2020) are troops only, estimated from map symbols, and are not mixed in.",
    "",
  );
  L.push(
    "Model: `y ~ log1p(un_total) * moderator + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend` on all country-years (moderator 0 where no UN personnel: only hosts identify the interaction), " +
      "logit for the HTI outcomes, linear for the tier and the 3P index, standard errors clustered by country. HTI ends with report 2011: only reports 2010-2011 (calendar years 2009-2010 under the study's t-1 alignment) overlap the contributor file. " +
      "The TIP tier (reports to 2015) and the 3P index (to 2013) are **government-effort outcomes**: what governments do about trafficking, not trafficking itself.",
    "",
  );
  L.push(
    `Verdict rule: an interaction is meaningful when, between the moderator's 25th and 75th percentile among hosts, it changes the effect of a median-sized deployment by the outcome's meaningful amount. ` +
      `"The data cannot tell" when the 95% interval includes both a meaningful lowering and a meaningful raising of the size effect; "lowers"/"raises" when it excludes 0; "no meaningful moderation" when it lies within +/- the meaningful size; otherwise "cannot rule out" the side it reaches. ` +
      "Direction: for pdest, destination and the tier a higher size effect means more harm (more listing, a worse tier); for the 3P index a lower one does (less effort). " +
      "Twenty-four interactions are tested at the 5% level: one or two intervals excluding 0 are expected by chance alone.",
      "",
      `Power: outcomes simulated from the fitted model with the interaction set to a candidate value (seed ${res.settings.seed}, ${res.settings.nsim} samples per value), refitted; the minimum detectable effect (MDE) is the smallest interaction, below and above 0, found in 80% of samples at p < 0.05 (n/r: not reached within 8 standard errors).`,
    "",
  );
  if (res.agreement !== null) {
    const a = res.agreement;
    L.push(
      "## Where the contributor sources disagree",
      "",
      `On the ${a.maps} Geo-PKO maps whose mission-month the IPI file also covers, the median map names ${Math.round(a.medianNamed * 100)}% of the contributors IPI counts troops from (the rest are mostly small detachments and staff officers no map draws), ` +
        `${Math.round(a.medianConfirmed * 100)}% of the contributors a map names have troops in IPI that month, Geo-PKO's estimated troops are ${a.medianTroopRatio.toFixed(2)} times IPI's head-count (median), and ${a.mapsMissingLargest} map(s) miss the largest IPI contributor. ` +
        "The shares here use the IPI file only (head-counts of troops, police and experts, every month); Geo-PKO (troops only, estimated, about one map per mission-year) is not used to extend them before 2009 or after 2014.",
      "",
    );
  }
  L.push("## Coverage", "", "| calendar year | host-years with UN personnel | " + res.moderators.map((m) => m.id).join(" | ") + " |", "|---|---|" + res.moderators.map(() => "---|").join(""));
  for (const c of res.coverage) L.push(`| ${c.year} | ${c.hosts} | ${res.moderators.map((m) => c.covered[m.col]).join(" | ")} |`);
  L.push("", "## Results", "");
  L.push("| outcome | moderator | N | hosts | interaction [95% CI] | size effect, 25th pct | size effect, 75th pct | split: below median | split: above median | meaningful | MDE (80%), below / above 0 | verdict |", "|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of res.results) {
    const o = res.outcomes.find((x) => x.col === r.outcome)!;
    const m = res.moderators.find((x) => x.col === r.moderator)!;
    L.push(
      `| ${o.col}${o.kind === "government-effort" ? " (effort)" : ""} | ${m.id} | ${r.n} | ${r.hosts} | ${ci(r.interaction)} | ${f(r.slopeLow.estimate)} [${f(r.slopeLow.conf_low)}, ${f(r.slopeLow.conf_high)}] | ${f(r.slopeHigh.estimate)} [${f(r.slopeHigh.conf_low)}, ${f(r.slopeHigh.conf_high)}] | ${ci(r.split.below)} (N ${r.split.below.n}) | ${ci(r.split.above)} (N ${r.split.above.n}) | ${f(r.meaningful)} | ${r.power.mdeLower === null ? "n/r" : f(r.power.mdeLower, 2)} / ${r.power.mdeHigher === null ? "n/r" : "+" + f(r.power.mdeHigher, 2)} | ${r.verdict} |`,
    );
  }
  L.push("", "## Findings", "");
  for (const r of res.results) {
    const o = res.outcomes.find((x) => x.col === r.outcome)!;
    const m = res.moderators.find((x) => x.col === r.moderator)!;
    L.push(`- ${findingText(r, o, m)}`);
  }
  if (res.failures.length > 0) {
    L.push("", "## Not estimated", "");
    for (const x of res.failures) L.push(`- ${x.outcome} x ${x.moderator}: ${x.message}`);
  }
  const warned = res.results.filter((r) => r.warnings.length > 0);
  if (warned.length > 0) {
    L.push("", "## Warnings", "");
    for (const r of warned) L.push(`- ${r.outcome} x ${r.moderator}: ${r.warnings.join("; ")}`);
  }
  L.push("", "## Sources", "");
  for (const s of res.sources) L.push(`- \`${s.file}\` (sha256 ${s.sha256.slice(0, 12)}...): ${s.citation}`);
  return L.join("\n") + "\n";
}

/** contributors.json */
export function contributorsJson(res: ContributorsResults): string {
  const out = {
    program: "peacekeeping-trafficking contributors",
    settings: res.settings,
    outcomes: res.outcomes,
    moderators: res.moderators,
    coverage: res.coverage,
    results: res.results,
    failures: res.failures,
    agreement: res.agreement,
    sources: res.sources.map((s) => ({ id: s.id, file: s.file, sha256: s.sha256, citation: s.citation })),
  };
  return JSON.stringify(out, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 1) + "\n";
}
