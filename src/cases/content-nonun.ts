import { formatP, pPhrase, stars, STARS_NOTE } from "../core/significance.js";
import type { Block } from "./doc.js";
import type { NonUnModel } from "./nonun.js";
import type { CasesResults } from "./run.js";

function f(v: number | null | undefined, d = 3): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "–" : v.toFixed(d);
}

function row(m: NonUnModel): string[] {
  const k = m.key;
  const fd = m.firstDifference;
  const inter = m.interaction;
  return [
    m.label,
    k === null ? "–" : `${f(k.estimate)}${stars(k.p_value)} (${f(k.std_error)})`,
    k === null ? "–" : formatP(k.p_value),
    inter === null ? "" : `${f(inter.estimate)}${stars(inter.p_value)} (${f(inter.std_error)})`,
    fd === null ? "–" : `${fd.estimate >= 0 ? "+" : ""}${f(fd.estimate, 3)} [${f(fd.conf_low)}, ${f(fd.conf_high)}]`,
    m.median === null ? "–" : Math.round(m.median).toLocaleString("en-US"),
    String(m.nobs),
    `${m.exposedCountries} (${m.exposedRows} yrs, ${m.exposedDestinations} listed)`,
  ];
}

/** Plain-words reading of one set of models. */
export function nonUnReading(ms: readonly NonUnModel[]): string[] {
  const by = new Map(ms.map((m) => [m.id, m]));
  const words = (m: NonUnModel | undefined): string => {
    if (m === undefined || m.key === null) return "could not be estimated";
    const p = m.key.p_value;
    const sign = m.key.estimate > 0 ? "positive" : "negative";
    const read =
      p < 0.05
        ? `${sign} and distinguishable from zero at 5%: larger deployments go with a ${m.key.estimate > 0 ? "higher" : "lower"} chance of being listed`
        : p < 0.1
          ? `${sign}, distinguishable from zero only at 10%`
          : `${sign} but not distinguishable from zero`;
    const fd = m.firstDifference === null ? "" : `; none to the median exposed deployment (${Math.round(m.median ?? 0).toLocaleString("en-US")}): ${(m.firstDifference.estimate * 100).toFixed(1)} points of probability [${(m.firstDifference.conf_low * 100).toFixed(1)}, ${(m.firstDifference.conf_high * 100).toFixed(1)}]`;
    const thin = m.exposedCountries < 5 ? ` — but only ${m.exposedCountries} exposed countr${m.exposedCountries === 1 ? "y" : "ies"} (${m.exposedRows} host-years, ${m.exposedDestinations} listed) in the sample: the estimate describes that country, not the force` : "";
    return `coefficient ${f(m.key.estimate)} per log unit (${pPhrase(p)}), ${read}${fd}${thin}`;
  };
  const dur = by.get("nonun-x-duration");
  const durWords =
    dur?.interaction == null
      ? "could not be estimated"
      : `size x years present ${f(dur.interaction.estimate)} (${pPhrase(dur.interaction.p_value)}): ${dur.interaction.p_value < 0.1 ? (dur.interaction.estimate > 0 ? "the association grows the longer the force stays" : "the association weakens the longer the force stays") : "no sign that the association changes with the years a force has stayed"}`;
  return [
    `UN: ${words(by.get("un"))}.`,
    `All non-UN: ${words(by.get("nonun"))}.`,
    `NATO: ${words(by.get("nato"))}. EU: ${words(by.get("eu"))}.`,
    `Regional organisations: ${words(by.get("regional"))}. Single states: ${words(by.get("single_state"))}.`,
    `Holding UN personnel constant, non-UN: ${words(by.get("nonun+un"))}.`,
    `Duration: ${durWords}.`,
  ];
}

/** The non-UN section: models with the study's controls and with V-Dem democracy, in a table each, and a reading. */
export function nonUnBlocks(r: CasesResults): Block[] {
  const head = ["Exposure (log 1 + personnel)", "Coefficient (SE)", "p", "x years present (SE)", "Δ Pr(listed), 0 → median", "Median", "N", "Exposed countries"];
  const note =
    `Logit of HTI pdest (TIP reports 2001-2011, exposure in the year before the report) on log(1 + personnel) and the study's controls, SEs clustered by country; ${STARS_NOTE} Δ Pr: average change in the predicted probability (delta-method 95% CI). Non-UN personnel from Bara-Hultman, which lists operations in conflict countries only (others are 0).`;
  const polityDropped = r.nonUn.polity2.find((m) => m.id === "nato");
  const vdemNato = r.nonUn.vdem.find((m) => m.id === "nato");
  return [
    { kind: "h2", text: "Non-UN deployments: do NATO and regional forces show the same association?", id: "non-un" },
    {
      kind: "p",
      text: "The study's size model (its M1) refitted with non-UN personnel in place of UN personnel, overall and by organisation type, beside the UN result; then non-UN and UN together, and non-UN size interacted with the years of continuous non-UN presence (the duration model). Bara and Hultman's data have no contributor counts, so the contributor-count model (M3) cannot be fitted for non-UN forces.",
    },
    { kind: "table", caption: "Size models with the study's controls (Polity2 democracy)", head, rows: r.nonUn.polity2.map(row), note },
    {
      kind: "p",
      cls: "caveat",
      text: `Polity2 is missing for Bosnia, Serbia and Montenegro, Kosovo and Afghanistan in these years (foreign interruption or occupation), so with the study's controls only ${polityDropped?.exposedCountries ?? 0} NATO host remains; V-Dem's polyarchy score covers them (${vdemNato?.exposedCountries ?? 0} NATO hosts). The second table swaps the democracy control.`,
    },
    { kind: "table", caption: "Size models with V-Dem polyarchy as the democracy control", head, rows: r.nonUn.vdem.map(row), note },
    { kind: "h3", text: "What the data say" },
    { kind: "p", text: "With the study's controls:" },
    { kind: "ul", items: nonUnReading(r.nonUn.polity2) },
    { kind: "p", text: "With V-Dem in place of Polity2:" },
    { kind: "ul", items: nonUnReading(r.nonUn.vdem) },
    {
      kind: "p",
      cls: "caveat",
      text: "These are associations across country-years, not effects: NATO and EU forces sat in the Balkans (Bosnia, Serbia and Montenegro, Kosovo, Macedonia: listed as destinations in every HTI year) and Afghanistan (listed from the 2007 report), so the NATO and EU estimates rest on a handful of countries and cannot separate the force from the region.",
    },
  ];
}
