import { pnorm } from "../stats/distributions.js";
import type { ModelResults, TidyRow } from "../stats/results.js";
import type { Estimate } from "./effects.js";

/**
 * How a claim fares on the rebuilt data:
 * - `supported`: the tested coefficient has the expected sign and p < alpha;
 * - `direction-only`: expected sign, p >= alpha (the data cannot tell it from zero);
 * - `not-supported`: opposite sign, p >= alpha;
 * - `contradicted`: opposite sign and p < alpha.
 * For the placebo the expectation is "no positive association": it is `contradicted`
 * (fails) when the coefficient is positive with p < alpha. Otherwise it passes
 * (`supported`) only when it discriminates: the UN estimate is itself positive with
 * p < alpha and the two estimates differ (test of the difference, p < alpha); if
 * not, it is `inconclusive`.
 * `not-estimable`: the model or its coefficient could not be estimated (never counts as support).
 */
export type Verdict = "supported" | "direction-only" | "not-supported" | "contradicted" | "inconclusive" | "not-estimable";

/** The declared decision rule: significance level and expected direction per claim. */
export const FINDING_RULE = Object.freeze({
  alpha: 0.05,
  text:
    "A claim is supported when its coefficient has the expected sign with p < 0.05 (clustered standard errors); " +
    "expected sign with p >= 0.05 is 'direction only'; the opposite sign is 'not supported', or 'contradicted' when p < 0.05. " +
    "The placebo fails when US troops show a positive association with p < 0.05. Otherwise it passes only when it can tell the two apart: " +
    "the UN estimate is positive with p < 0.05 and the UN and US coefficients differ (z-test of the difference, p < 0.05, treating the two models' estimates as independent, which overstates the variance of the difference when they covary positively, so the test is conservative); " +
    "else the placebo is 'inconclusive'.",
});

/** The test of the difference between the UN (M1) and US (M4) coefficients. */
export interface Contrast {
  readonly un: number;
  readonly us: number;
  /** UN minus US, its standard error (independent estimates) and two-sided p-value. */
  readonly difference: number;
  readonly std_error: number;
  readonly p_value: number;
}

/** z-test of the difference of two estimates, taken as independent. */
export function contrastOf(un: Pick<TidyRow, "estimate" | "std_error">, us: Pick<TidyRow, "estimate" | "std_error">): Contrast {
  const difference = un.estimate - us.estimate;
  const se = Math.sqrt(un.std_error ** 2 + us.std_error ** 2);
  const z = Math.abs(difference / se);
  return { un: un.estimate, us: us.estimate, difference, std_error: se, p_value: Number.isFinite(z) ? 2 * pnorm(-z) : NaN };
}

/**
 * The placebo's verdict read against the UN estimate: `contradicted` when US troops are
 * positive and significant; else `supported` only when the UN estimate is positive and
 * significant and the two differ; else `inconclusive`.
 */
export function placeboVerdict(us: Pick<TidyRow, "estimate" | "p_value" | "std_error">, un: Pick<TidyRow, "estimate" | "p_value" | "std_error"> | null, alpha = FINDING_RULE.alpha): { verdict: Verdict; contrast: Contrast | null } {
  if (us.estimate > 0 && us.p_value < alpha) return { verdict: "contradicted", contrast: un === null ? null : contrastOf(un, us) };
  if (un === null || !Number.isFinite(un.estimate) || !Number.isFinite(un.p_value)) return { verdict: "inconclusive", contrast: null };
  const contrast = contrastOf(un, us);
  const unClear = un.estimate > 0 && un.p_value < alpha;
  return { verdict: unClear && contrast.p_value < alpha ? "supported" : "inconclusive", contrast };
}

/** A change in predicted probability or a marginal effect, described for the reader. */
export interface EffectSummary {
  /** E.g. "from no deployment to 1,234 personnel (median of deployments)". */
  readonly what: string;
  /** `probability` = change in predicted probability (0-1); `log-odds` = marginal effect on the log-odds. */
  readonly scale: "probability" | "log-odds";
  readonly value: Estimate;
}

/** What the verdict is computed from, per claim. */
export interface FindingInput {
  readonly id: "size" | "duration" | "tcc" | "placebo";
  readonly model: string;
  readonly claim: string;
  /** The coefficient tested (the size term, or the interaction term). */
  readonly term: string;
  /** Null when the model could not be estimated (`reason` says why). */
  readonly results: ModelResults | null;
  readonly reason?: string;
  readonly effects: readonly EffectSummary[];
}

/** One finding: verdict, the numbers it rests on, and a plain-words sentence. */
export interface Finding {
  readonly id: FindingInput["id"];
  readonly model: string;
  readonly claim: string;
  readonly term: string;
  readonly verdict: Verdict;
  /** The coefficient row, or null when the model could not estimate the term. */
  readonly coefficient: TidyRow | null;
  readonly effects: readonly EffectSummary[];
  /** Verdict and evidence in one or two sentences, with the numbers. */
  readonly text: string;
  /** The same in plain words for a non-specialist reader (no coefficients). */
  readonly plain: string;
  /** For the placebo read against the UN estimate: the test of the difference (else absent). */
  readonly contrast?: Contrast;
}

/** Apply the rule to a coefficient: expected sign +1 for the three claims. */
export function verdictFor(id: FindingInput["id"], row: Pick<TidyRow, "estimate" | "p_value">, alpha = FINDING_RULE.alpha): Verdict {
  const sig = row.p_value < alpha;
  if (id === "placebo") return row.estimate > 0 && sig ? "contradicted" : "supported";
  if (row.estimate > 0) return sig ? "supported" : "direction-only";
  return sig ? "contradicted" : "not-supported";
}

/** The words for a verdict, for the claim or for the placebo. */
export function verdictWords(id: FindingInput["id"], v: Verdict): string {
  if (v === "not-estimable") return "Not estimable";
  if (id === "placebo") return v === "supported" ? "Placebo passes" : v === "inconclusive" ? "Placebo inconclusive" : "Placebo fails";
  return { supported: "Supported", "direction-only": "Right direction, not significant", "not-supported": "Not supported", contradicted: "Contradicted", inconclusive: "Inconclusive" }[v];
}

/** Format a number for prose: thousands separators, `digits` decimals. */
export function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return "n/a";
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Format a p-value: `< 0.001` or three decimals. */
export function fmtP(p: number): string {
  if (!Number.isFinite(p)) return "n/a";
  return p < 0.001 ? "< 0.001" : `= ${p.toFixed(3)}`;
}

function effectWords(e: EffectSummary): string {
  const v = e.value;
  if (e.scale === "probability") {
    const pp = (x: number) => `${x >= 0 ? "+" : ""}${fmt(100 * x, 1)}`;
    return `${e.what}: ${pp(v.estimate)} percentage points (95% CI ${pp(v.conf_low)} to ${pp(v.conf_high)})`;
  }
  return `${e.what}: ${fmt(v.estimate, 3)} on the log-odds (95% CI ${fmt(v.conf_low, 3)} to ${fmt(v.conf_high, 3)})`;
}

/** Derive the finding for one claim from its estimates by the declared rule. */
export function deriveFinding(input: FindingInput): Finding {
  const row = input.results?.tidy.find((t) => t.term === input.term && t.aliased !== true) ?? null;
  if (input.results === null || row === null || !Number.isFinite(row.estimate) || !Number.isFinite(row.p_value)) {
    return {
      id: input.id,
      model: input.model,
      claim: input.claim,
      term: input.term,
      effects: input.effects,
      verdict: "not-estimable",
      coefficient: row,
      plain: "The rebuilt data cannot test this claim.",
      text:
        input.results === null
          ? `Not estimable with these options: ${input.reason ?? "the model could not be fitted"}.`
          : `Not estimable: the model has no usable coefficient for ${input.term}${row === null ? " (dropped or missing)" : ""}.`,
    };
  }
  const verdict = verdictFor(input.id, row);
  const coefText = `coefficient on ${input.term} ${fmt(row.estimate, 3)} (SE ${fmt(row.std_error, 3)}, p ${fmtP(row.p_value)}, N = ${input.results.glance.nobs})`;
  const effects = input.effects.filter((e) => Number.isFinite(e.value.estimate)).map(effectWords);
  const text = `${verdictWords(input.id, verdict)}: ${coefText}.${effects.length > 0 ? ` ${effects.join("; ")}.` : ""}`;
  return { id: input.id, model: input.model, claim: input.claim, term: input.term, verdict, coefficient: row, effects: input.effects, text, plain: plainWords(input, verdict) };
}

/**
 * Derive every finding. The placebo is read against the size claim's coefficient
 * (`placeboVerdict`): without it, the placebo keeps the verdict of its own coefficient.
 */
export function deriveFindings(inputs: readonly FindingInput[]): Finding[] {
  const out = inputs.map(deriveFinding);
  const size = out.find((f) => f.id === "size");
  return out.map((f) => {
    if (f.id !== "placebo" || f.verdict === "not-estimable" || f.coefficient === null || size === undefined) return f;
    const un = size.verdict === "not-estimable" ? null : size.coefficient;
    const { verdict, contrast } = placeboVerdict(f.coefficient, un);
    if (verdict === f.verdict && contrast === null) return f;
    const input = inputs.find((i) => i.id === "placebo")!;
    const diff = contrast === null ? "" : ` UN minus US coefficient ${fmt(contrast.difference, 3)} (SE ${fmt(contrast.std_error, 3)}, p ${fmtP(contrast.p_value)}).`;
    const text = `${verdictWords("placebo", verdict)}: ${f.text.replace(/^[^:]*: /, "")}${diff}`;
    const plain = verdict === "inconclusive" ? inconclusivePlain(f, size, contrast) : plainWords(input, verdict);
    return { ...f, verdict, text, plain, ...(contrast === null ? {} : { contrast }) };
  });
}

/** Why a placebo that US troops do not fail still cannot discriminate, in plain words. */
function inconclusivePlain(f: Finding, size: Finding, c: Contrast | null): string {
  const lead = f.plain.replace(/ There is no clear positive association.*$/, "");
  const why =
    size.verdict !== "supported"
      ? "This is not clearly different from zero, but neither is the UN estimate, so the placebo cannot tell UN peacekeepers apart from US troops."
      : `The UN estimate is clear, but the US estimate is not clearly different from it (p ${c === null ? "n/a" : fmtP(c.p_value)}), so the placebo cannot tell UN peacekeepers apart from US troops.`;
  return `${lead} ${why}`.trim();
}

function pointsPhrase(e: EffectSummary): string {
  const v = e.value;
  const dir = v.estimate >= 0 ? "more" : "less";
  return `${fmt(Math.abs(100 * v.estimate), 0)} percentage points ${dir} likely (95% CI ${fmt(100 * v.conf_low, 0)} to ${fmt(100 * v.conf_high, 0)})`;
}

/** The "how sure" sentence per verdict. */
const CERTAINTY: Record<Verdict, string> = {
  supported: "The association is clear: it is unlikely to be chance (p < 0.05).",
  "direction-only": "But the data are also consistent with no effect at all.",
  "not-supported": "The estimate points the other way, and the data are consistent with no effect.",
  contradicted: "The estimate points clearly the other way (p < 0.05).",
  inconclusive: "The data cannot tell.",
  "not-estimable": "The rebuilt data cannot test this claim.",
};

/** The amount in an effect's description ("From none to 680 personnel (median where present)" -> "680 personnel"). */
function amountOf(e: EffectSummary): string {
  return e.what.replace(/^From none to /, "").replace(/ \(median where present\)$/, "");
}

/** The verdict in words a policy reader can use: effect sizes in percentage points, no coefficients. */
export function plainWords(input: FindingInput, verdict: Verdict): string {
  const typical = input.effects.find((e) => e.scale === "probability" && e.what.startsWith("From none") && Number.isFinite(e.value.estimate));
  if (input.id === "size") {
    const lead = typical
      ? `A country hosting a typical UN deployment (${amountOf(typical)}) is estimated to be ${pointsPhrase(typical)} to be listed as a destination than a similar country without peacekeepers.`
      : "Larger UN deployments are compared with none.";
    return `${lead} ${CERTAINTY[verdict]}`;
  }
  if (input.id === "placebo") {
    const lead = typical ? `Countries hosting US troops (typically ${amountOf(typical)}) are estimated to be ${pointsPhrase(typical)} to be listed.` : "";
    return verdict === "supported" || verdict === "inconclusive"
      ? `${lead} There is no clear positive association, as expected if the pattern is specific to UN peacekeepers.`.trim()
      : `${lead} US troops show a clear positive association too, so the pattern may not be specific to UN peacekeepers.`.trim();
  }
  const what = input.id === "duration" ? "the longer a mission has been deployed" : "the more countries contribute personnel";
  const [lo, hi] = input.effects.filter((e) => e.scale === "log-odds");
  const range = lo && hi ? ` (effect of size on the log-odds ${fmt(lo.value.estimate, 2)} at the low end, ${fmt(hi.value.estimate, 2)} at the high end)` : "";
  if (verdict === "supported") return `Larger deployments matter more ${what}${range}; this pattern is unlikely to be chance (p < 0.05).`;
  if (verdict === "direction-only") return `Larger deployments may matter more ${what}${range}, but the data cannot tell this apart from no difference.`;
  return `The data do not show that larger deployments matter more ${what}${range}.`;
}
