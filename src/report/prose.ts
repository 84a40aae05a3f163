import type { SampleAccount } from "../study/data.js";
import { fmt, fmtP, FINDING_RULE, verdictWords, type Finding } from "../study/findings.js";
import { OPTION_DOCS, type StudyOptions } from "../study/options.js";
import type { FittedModel, RobustnessResult, StudyResults } from "../study/run.js";
import { STUDY_CITATION } from "../study/spec.js";

/** The question the report answers, in one sentence. */
export const QUESTION =
  "Do larger UN peacekeeping deployments make a host country more likely to become a destination for trafficking into forced prostitution?";

const CLAIM_TITLES: Record<Finding["id"], string> = {
  size: "Claim 1: larger deployments, more likely a destination",
  duration: "Claim 2: the effect grows with the mission's duration",
  tcc: "Claim 3: the effect grows with the number of contributing countries",
  placebo: "Placebo: US troops",
};

/** Title of a finding's claim. */
export function claimTitle(f: Finding): string {
  return CLAIM_TITLES[f.id];
}

/** Short verdict label for a finding (badge text). */
export function verdictLabel(f: Finding): string {
  return verdictWords(f.id, f.verdict);
}

/** The headline's sentence on the placebo, read against the size claim. */
function placeboSentence(pl: Finding, size: Finding | undefined): string {
  if (pl.verdict === "not-estimable") return "The US-troop placebo cannot be estimated with these options.";
  if (pl.verdict === "contradicted") {
    return "US troop presence shows a positive association too (the placebo fails), which points to foreign military presence or the kind of country that hosts it rather than to UN peacekeepers in particular.";
  }
  if (pl.verdict === "inconclusive") {
    return size !== undefined && size.verdict !== "supported"
      ? "US troop presence shows no clear association either, but neither does UN presence, so the placebo is inconclusive: it cannot tell UN peacekeepers apart from US troops."
      : "US troop presence shows no clear association, but its estimate is not clearly different from the UN one, so the placebo is inconclusive.";
  }
  return "US troop presence shows no comparable positive association (the placebo passes).";
}

/** One paragraph summing up all findings, for the top of the report and the terminal. */
export function headline(findings: readonly Finding[]): string {
  const by = new Map(findings.map((f) => [f.id, f]));
  const parts: string[] = [];
  const size = by.get("size");
  if (size) {
    parts.push(
      size.verdict === "supported"
        ? "On the rebuilt data, countries hosting more UN peacekeepers are more likely to be listed as destinations for forced prostitution, as the paper reports."
        : size.verdict === "direction-only"
          ? "On the rebuilt data, countries hosting more UN peacekeepers are somewhat more likely to be listed as destinations, but the association is not statistically distinguishable from zero."
          : size.verdict === "not-estimable"
            ? "With these options the size model (M1) cannot be estimated."
            : "On the rebuilt data, the paper's central association between UN deployment size and destination status does not hold.",
    );
  }
  const inter = [by.get("duration"), by.get("tcc")].filter((f): f is Finding => f !== undefined);
  const ok = inter.filter((f) => f.verdict === "supported").map((f) => (f.id === "duration" ? "duration" : "the number of contributing countries"));
  const notOk = inter.filter((f) => f.verdict !== "supported" && f.verdict !== "not-estimable").map((f) => (f.id === "duration" ? "duration" : "the number of contributing countries"));
  const untestable = inter.filter((f) => f.verdict === "not-estimable").map((f) => (f.id === "duration" ? "duration" : "the number of contributing countries"));
  if (ok.length > 0) parts.push(`The effect of size grows with ${ok.join(" and ")}.`);
  if (notOk.length > 0) parts.push(`The data do not support that the effect grows with ${notOk.join(" or ")}.`);
  if (untestable.length > 0) parts.push(`Whether it grows with ${untestable.join(" or ")} cannot be tested with these options.`);
  const pl = by.get("placebo");
  if (pl) parts.push(placeboSentence(pl, size));
  return parts.join(" ");
}

/** What the data say about the reported reversal under country fixed effects. */
export function fixedEffectsParagraph(robustness: readonly RobustnessResult[], main: readonly FittedModel[]): string | null {
  const fe = robustness.find((r) => r.variant.id === "clogit");
  const cell = fe?.cells.find((c) => c.model === "M1");
  const m1 = main.find((m) => m.spec.id === "M1");
  if (!fe || !cell || !m1) return null;
  if (cell.coefficient === null) return `With country fixed effects (conditional logit) the size coefficient could not be estimated: ${cell.note ?? "no result"}.`;
  if (!cell.converged) return `With country fixed effects (conditional logit) the estimation did not converge, so the data cannot answer whether the sign reverses: ${cell.note ?? ""}.`;
  const c = cell.coefficient;
  const base = m1.results.tidy.find((t) => t.term === cell.term && t.aliased !== true);
  const reversed = base !== undefined && Math.sign(base.estimate) !== Math.sign(c.estimate);
  const sig = c.p_value < FINDING_RULE.alpha;
  const what = reversed
    ? sig
      ? "the sign reverses and the reversed estimate is statistically significant, as the student paper reported"
      : "the sign reverses, as the student paper reported, but the reversed estimate is not statistically distinguishable from zero"
    : sig
      ? "the sign does not reverse: the within-country association keeps the sign of the main model and is statistically significant"
      : "the sign does not reverse, but the within-country estimate is not statistically distinguishable from zero";
  return (
    `Country fixed effects. A student paper reported that the effect of deployment size reverses once country fixed effects are added. ` +
    `On our data, with conditional logit (identified only by the ${cell.informative?.groups ?? "?"} countries whose destination status changes during ${fe.options.yearFrom}-${fe.options.yearTo}: ${cell.informative?.rows ?? "?"} of ${cell.nobs ?? "?"} country-years), ` +
    `the coefficient on ${cell.term} is ${fmt(c.estimate, 3)} (SE ${fmt(c.std_error, 3)}, p ${fmtP(c.p_value)}) against ${base ? fmt(base.estimate, 3) : "n/a"} in the pooled logit: ${what}.` +
    " The fixed-effects estimate answers a different question (does a change in deployment within a country move its listing?) and rests only on the countries whose listing changes."
  );
}

/** The options as `name: value - meaning` lines. */
export function optionLines(o: StudyOptions): string[] {
  return (Object.keys(OPTION_DOCS) as (keyof StudyOptions)[]).map((k) => `${k} = ${String(o[k])}: ${OPTION_DOCS[k]}`);
}

/** How much of the duration variable comes from the decades-old observer missions (read off the M2 sample). */
function durationCaveat(s: StudyResults): string {
  const m2 = s.models.find((m) => m.spec.id === "M2");
  if (!m2 || !m2.spec.moderator) return "";
  const col = m2.spec.moderator.col;
  const deployed = s.rows.filter((r) => typeof r.un_total === "number" && r.un_total > 0 && typeof r[col] === "number");
  const old = deployed.filter((r) => (r[col] as number) >= 40);
  if (deployed.length === 0 || old.length === 0) return "";
  const share = `${old.length} of ${deployed.length} country-years with UN personnel (${fmt((100 * old.length) / deployed.length, 0)}%)`;
  if (s.options.duration === "any-mission") {
    return ` Durations follow version 0.1's rule (any UN personnel, so hosts of the long-running observer missions UNTSO, since 1948, and UNMOGIP, since 1949, have durations of 40 years or more: ${share}); the default rule (--duration presence) leaves small observer missions out.`;
  }
  return ` The oldest large deployments (UNFICYP in Cyprus since 1964) still give durations of 40 years or more: ${share}.`;
}

/** Which country-years with a known outcome a model leaves out, by variable and country. */
export function droppedSentence(a: SampleAccount): string {
  const n = a.withOutcome - a.kept;
  if (n === 0) return `No country-year with a known outcome is left out (${a.withOutcome.toLocaleString("en-US")}).`;
  const parts = a.dropped.map((d) => {
    const shown = d.countries.slice(0, 8).map((c) => `${c.country} ${c.rows}`);
    const more = d.countries.length > 8 ? `, and ${d.countries.length - 8} more countries` : "";
    const why = d.variable.includes("(") ? "undefined" : "missing";
    return `${d.rows} for ${why} ${d.variable} (${shown.join(", ")}${more})`;
  });
  return `Of the ${a.withOutcome.toLocaleString("en-US")} country-years with a known outcome, ${n} are left out: ${parts.join("; ")}.`;
}

/** The data-and-method text: sample, outcome, estimation. */
export function methodParagraphs(s: StudyResults): string[] {
  const m1 = s.models.find((m) => m.spec.id === "M1");
  const o = s.options;
  const sample = m1
    ? `Model M1 uses ${m1.results.glance.nobs.toLocaleString("en-US")} country-years from ${m1.countries} countries (TIP report years ${o.yearFrom}-${o.yearTo}); ${fmt(100 * m1.outcomeShare, 1)}% of them are listed as destinations. ${droppedSentence(m1.account)}`
    : "";
  return [
    `The study replicated: ${STUDY_CITATION}`,
    `Unit: country-year (Correlates of War state system). Outcome: ${o.outcome} from the Human Trafficking Indicators (Frank 2013), coded 1 when the TIP report lists the country as a destination ${o.outcome === "pdest" ? "for forced prostitution" : "for any form of trafficking"}, 0 when it says No or does not mention it (with "No mention" as missing, 1 zero would face 1,100 ones); countries absent from a report are missing. ${sample}`,
    `Timing: ${o.reportAlignment === "t-1" ? "the report of year t (covering April t-1 to March t) is joined to deployments and controls of calendar year t-1" : "the report of year t is joined to deployments and controls of calendar year t"}.`,
    "UN deployment: mean monthly uniformed personnel (troops, police, observers) hosted, from the mission-month data, entered as log(1 + personnel) so that countries without peacekeepers stay in the sample; multi-host missions divided among the countries where their personnel served (Geo-PKO deployment maps), so every peacekeeper is counted once; duration in years since the host's current UN deployment began, leaving out small observer missions and bridging absences of up to two years; contributing countries as the distinct states in the month with the most." +
      durationCaveat(s),
    "Estimation: logit with standard errors clustered by country (CR1, Stata's small-sample factor; equal to R's sandwich::vcovCL type HC1), listwise deletion of missing values. Effects on probabilities are average predicted probabilities (other variables as observed) with delta-method intervals; marginal effects in M2 and M3 are on the log-odds scale.",
    `Verdict rule: ${FINDING_RULE.text}`,
  ];
}
