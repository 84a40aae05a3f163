/**
 * The multiverse's forks, declared as data: every defensible way to build the panel and
 * fit each of the study's four claims, each option with a one-line reason. Options marked
 * `inDefault` make the default grid; `--grid full` takes them all.
 *
 * Left out on purpose: `multiHost = full` (counts a multi-host mission's personnel in every
 * host, so it is not defensible); `contributors = sum` (a state in two missions counts
 * twice); `duration = any-mission` (version 0.1's rule lets UNTSO date Lebanon from 1948);
 * the Kosovo placement (one defensible answer: the COW state system); the GDP source: the
 * panel has `--gdp fariss-maddison|fariss|maddison`, but the study options do not carry it,
 * so `pkt report` (and the `reproduce` column) could not rebuild such a row.
 */

/** The four claims, in the study's order (M1-M4). */
export type ClaimId = "size" | "duration" | "contributors" | "placebo";

/** The claims with their model and the direction the paper claims. */
export const CLAIMS: readonly { readonly id: ClaimId; readonly model: string; readonly title: string }[] = Object.freeze([
  { id: "size", model: "M1", title: "Size (M1: log personnel)" },
  { id: "duration", model: "M2", title: "Size x duration (M2: interaction)" },
  { id: "contributors", model: "M3", title: "Size x contributors (M3: interaction)" },
  { id: "placebo", model: "M4", title: "Placebo: US troops (M4)" },
]);

/** One option of a fork. */
export interface ForkOption {
  readonly id: string;
  /** Why a careful researcher could choose it. */
  readonly reason: string;
  /** Part of the default grid. */
  readonly inDefault: boolean;
}

/** Where in the analysis a fork sits. */
export type ForkStage = "data" | "model" | "estimator" | "inference" | "sample";

/** A fork: one choice point, its options, and the claims it applies to. */
export interface Fork {
  readonly id: string;
  readonly stage: ForkStage;
  readonly label: string;
  readonly options: readonly ForkOption[];
  /** Claims the fork applies to (for the others its value is `-`). */
  readonly claims: readonly ClaimId[];
}

const ALL: readonly ClaimId[] = ["size", "duration", "contributors", "placebo"];
const UN: readonly ClaimId[] = ["size", "duration", "contributors"];
const opt = (id: string, reason: string, inDefault = true): ForkOption => ({ id, reason, inDefault });

/** The forks, in the order their choices are enumerated (a fork's applicability may depend on earlier ones). */
export const FORKS: readonly Fork[] = Object.freeze([
  {
    id: "unSource", stage: "data", label: "UN source", claims: ALL,
    options: [
      opt("ipi", "IPI mission-months, with monthly contributor counts (the study's default)"),
      opt("kathman", "Kathman's mission-months, updated to 2019, an independent coding of the same deployments"),
    ],
  },
  {
    id: "multiHost", stage: "data", label: "Multi-host missions", claims: ALL,
    options: [
      opt("located", "personnel placed where the Geo-PKO maps put them (every peacekeeper counted once)"),
      opt("split", "personnel split equally among the hosts: no location data needed"),
      opt("hq", "all personnel in the source's headquarters country, as many published panels do"),
    ],
  },
  {
    id: "reportAlignment", stage: "data", label: "Report-year alignment", claims: ALL,
    options: [
      opt("t-1", "the TIP report of year t covers April t-1 to March t, so deployments of t-1"),
      opt("t", "report year taken as the calendar year, as a panel merged on year would do"),
    ],
  },
  {
    id: "usTroops", stage: "data", label: "US troop series", claims: ["placebo"],
    options: [
      opt("legacy", "the troopdata legacy country-year series"),
      opt("rebuild", "yearly maximum of the quarterly DMDC reports", false),
    ],
  },
  {
    id: "outcome", stage: "data", label: "Outcome", claims: ALL,
    options: [
      opt("pdest", "destination for forced prostitution: the paper's outcome"),
      opt("destination", "destination for any form of trafficking: the mechanism may not be reported by type"),
    ],
  },
  {
    id: "size", stage: "data", label: "Size measure", claims: UN,
    options: [
      opt("un_total", "mean monthly uniformed personnel: the paper's measure"),
      opt("un_troops", "troops only: the soldiers the demand argument is about"),
      opt("un_peak", "the peak month: the largest presence the local market saw"),
    ],
  },
  {
    id: "duration", stage: "data", label: "Duration measure", claims: ["duration"],
    options: [
      opt("presence", "years of UN presence, small observer missions left out, short gaps bridged"),
      opt("presence-log", "log(1 + years): a diminishing effect of time", false),
      opt("main-lineage", "years of the host's largest mission line (MONUC and MONUSCO one line)"),
    ],
  },
  {
    id: "contributors", stage: "data", label: "Contributor count", claims: ["contributors"],
    options: [opt("distinct", "distinct contributing states in the host (a state in two missions counts once)")],
  },
  {
    id: "controls", stage: "model", label: "Controls", claims: ALL,
    options: [
      opt("minimal", "log GDP per capita and log population only: the fewest assumptions about confounders"),
      opt("paper", "the paper's set: economy, population, democracy and civil conflict"),
      opt("full", "the paper's set plus the previous report's tier (enforcement), a possibly bad control", false),
    ],
  },
  {
    id: "democracy", stage: "data", label: "Democracy measure", claims: ALL,
    options: [
      opt("v2x_polyarchy", "V-Dem polyarchy: covers Serbia, Bosnia and Kosovo"),
      opt("polity2", "Polity2: the field's usual measure (missing for the Balkan cases)"),
    ],
  },
  {
    id: "time", stage: "model", label: "Time", claims: ALL,
    options: [
      opt("none", "no time control: the reports' growth is left in the error", false),
      opt("trend", "a linear trend for the reports' growing thoroughness"),
      opt("year", "report-year dummies: any change in the reports, not only a linear one"),
    ],
  },
  {
    id: "estimator", stage: "estimator", label: "Estimator", claims: ALL,
    options: [
      opt("logit", "the paper's estimator"),
      opt("probit", "another link: is the result an artefact of the logistic tail?", false),
      opt("firth", "bias-reduced logit: guards against separation with few listing changes", false),
      opt("relogit", "King-Zeng rare-events logit", false),
      opt("clogit", "country fixed effects (conditional logit): only change within a country identifies"),
      opt("lpm-fe", "linear probability with country fixed effects: keeps countries that never change"),
    ],
  },
  {
    id: "inference", stage: "inference", label: "Standard errors", claims: ALL,
    options: [
      opt("cluster", "clustered by country (CR1): repeated years of one country are not independent"),
      opt("hc1", "heteroskedasticity-robust (HC1), assuming independent country-years", false),
      opt("twoway", "two-way clustered by country and year: common shocks to a report year", false),
    ],
  },
  {
    id: "sample", stage: "sample", label: "Sample", claims: ALL,
    options: [
      opt("all", "every country-year of TIP reports 2001-2011"),
      opt("no-balkans", "without the former Yugoslavia (COW 343-347), the paper's motivating cases"),
      opt("no-observer-only", "without hosts whose UN presence in the sample is observers only"),
      opt("2003-2011", "TIP reports 2003-2011: the first reports listed far fewer countries"),
    ],
  },
] satisfies Fork[]);

/** The fork of an id. */
export function forkOf(id: string): Fork {
  const f = FORKS.find((x) => x.id === id);
  if (f === undefined) throw new RangeError(`unknown fork ${id}`);
  return f;
}

/** A specification's choices: fork id -> option id, or `-` where the fork does not apply. */
export type Choices = Readonly<Record<string, string>>;

/** The value of a fork that does not apply to a specification. */
export const NOT_APPLICABLE = "-";

/**
 * Whether fork `f` applies given the earlier choices: the democracy measure only with a
 * control set that has democracy; a fork listed for other claims never.
 */
export function forkApplies(f: Fork, claim: ClaimId, earlier: Choices): boolean {
  if (!f.claims.includes(claim)) return false;
  if (f.id === "democracy") return earlier.controls !== "minimal";
  return true;
}

/**
 * Why an option cannot be combined with the earlier choices, or null when it can.
 * These are the compatibility rules of the grid.
 */
export function incompatibility(f: Fork, option: string, claim: ClaimId, earlier: Choices): string | null {
  if (f.id === "contributors" && earlier.unSource === "kathman") return "Kathman has no contributor counts: M3 cannot be estimated";
  if (f.id === "inference" && earlier.estimator === "clogit" && option !== "cluster") {
    return "conditional logit: only the country-clustered sandwich is defined here (HC1 and two-way are not for the conditional likelihood)";
  }
  return null;
}

/** Which options of each fork to use: fork id -> option ids (forks not named keep the grid's). */
export type ForkSelection = Readonly<Record<string, readonly string[]>>;

/** The options of the default grid (`inDefault`) or of the full grid, with `overrides` replacing a fork's options. */
export function selectOptions(grid: "default" | "full", overrides: ForkSelection = {}): ForkSelection {
  const out: Record<string, readonly string[]> = {};
  for (const f of FORKS) {
    out[f.id] = overrides[f.id] ?? f.options.filter((o) => grid === "full" || o.inDefault).map((o) => o.id);
  }
  return out;
}

/** One specification of one claim. */
export interface Specification {
  readonly claim: ClaimId;
  readonly choices: Choices;
}

/**
 * Every compatible specification of `claims` under a selection, in a fixed order
 * (claims in study order, then the forks' options in declared order).
 */
export function enumerateSpecs(selection: ForkSelection, claims: readonly ClaimId[] = ALL): Specification[] {
  const out: Specification[] = [];
  for (const claim of CLAIMS.map((c) => c.id).filter((c) => claims.includes(c))) {
    const walk = (i: number, acc: Record<string, string>): void => {
      if (i === FORKS.length) {
        out.push({ claim, choices: Object.freeze({ ...acc }) });
        return;
      }
      const f = FORKS[i];
      if (!forkApplies(f, claim, acc)) {
        acc[f.id] = NOT_APPLICABLE;
        walk(i + 1, acc);
        return;
      }
      for (const o of selection[f.id] ?? []) {
        if (incompatibility(f, o, claim, acc) !== null) continue;
        acc[f.id] = o;
        walk(i + 1, acc);
      }
      delete acc[f.id];
    };
    walk(0, {});
  }
  return out;
}

/** Count the specifications per claim and in all without building them. */
export function countSpecs(selection: ForkSelection, claims: readonly ClaimId[] = ALL): { total: number; byClaim: Record<ClaimId, number> } {
  const byClaim = { size: 0, duration: 0, contributors: 0, placebo: 0 } as Record<ClaimId, number>;
  for (const s of enumerateSpecs(selection, claims)) byClaim[s.claim]++;
  return { total: Object.values(byClaim).reduce((a, b) => a + b, 0), byClaim };
}
