/**
 * The moderation models through the multiverse's forks (docs/contributors.md): for every
 * outcome x moderator, the interaction of size and the moderator under every combination of
 * the forks that apply to the contributor panel, with the same option ids and reasons as
 * `pkt multiverse` (src/multiverse/forks.ts). Each outcome keeps its own estimator (logit for
 * the HTI listings, linear for tier and 3P) and country-clustered errors; the UN source is
 * IPI only (the contributor shares come from its gender file), the alignment the panel's t-1.
 */
import { BALKANS } from "../multiverse/spec-model.js";
import { forkOf } from "../multiverse/forks.js";
import type { MultiHost } from "../panel/options.js";
import type { PanelRow } from "../panel/panel.js";
import { fit } from "../stats/index.js";
import { moderationRows } from "./run.js";
import { MODERATORS, OUTCOMES, type Moderator, type Outcome } from "./spec.js";

/** The forks varied and their options (ids of src/multiverse/forks.ts). */
export const MODERATION_FORKS = Object.freeze({
  multiHost: ["located", "split", "hq"],
  size: ["un_total", "un_troops", "un_peak"],
  controls: ["paper", "minimal"],
  time: ["trend", "none", "year"],
  sample: ["all", "no-balkans"],
} as const);

type ForkId = keyof typeof MODERATION_FORKS;
const FORK_IDS = Object.keys(MODERATION_FORKS) as ForkId[];

/** The study's choice in every fork: the specification of the main moderation models. */
export const MODERATION_DEFAULT: Readonly<Record<ForkId, string>> = Object.freeze({ multiHost: "located", size: "un_total", controls: "paper", time: "trend", sample: "all" });

/** One specification's interaction. Plain data. */
export interface ModerationSpec {
  readonly outcome: string;
  readonly moderator: string;
  readonly choices: Readonly<Record<ForkId, string>>;
  readonly formula: string;
  readonly estimate: number | null;
  readonly std_error: number | null;
  readonly p_value: number | null;
  readonly nobs: number | null;
  readonly error: string | null;
}

/** Per outcome x moderator: how the interaction fares across the specifications. */
export interface ModerationCurve {
  readonly outcome: string;
  readonly moderator: string;
  readonly specs: number;
  readonly estimated: number;
  /** Shares of the estimated specifications with p < 0.05 and a negative (lowers the size effect) or positive interaction. */
  readonly share_negative_significant: number | null;
  readonly share_positive_significant: number | null;
  readonly median_z: number | null;
  /** The study's own specification (MODERATION_DEFAULT). */
  readonly default_estimate: number | null;
  readonly default_p: number | null;
}

/** The formula of a specification (`size` is the chosen size column; see moderationRows). */
export function moderationFormula(c: Readonly<Record<ForkId, string>>): string {
  const controls = c.controls === "minimal" ? ["log(gdppc)", "log(pop)"] : ["log(gdppc)", "log(pop)", "v2x_polyarchy", "civil_conflict"];
  const time = c.time === "trend" ? ["trend"] : c.time === "year" ? ["factor(year)"] : [];
  return `y ~ log1p(size) + moderator + ${[...controls, ...time].join(" + ")} + log1p(size):moderator`;
}

/** Every combination of the forks' options, in declared order. */
export function moderationChoices(): Record<ForkId, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const f of FORK_IDS) out = out.flatMap((c) => MODERATION_FORKS[f].map((o) => ({ ...c, [f]: o })));
  return out as Record<ForkId, string>[];
}

const INTERACTION = "log1p(size):moderator";

function median(v: number[]): number | null {
  if (v.length === 0) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Fit every outcome x moderator under every combination of MODERATION_FORKS. `panel(multiHost)`
 * gives the contributor panel built with that placement (contributorsPanel).
 */
export function moderationMultiverse(
  panel: (multiHost: MultiHost) => readonly PanelRow[],
  outcomes: readonly Outcome[] = OUTCOMES,
  moderators: readonly Moderator[] = MODERATORS,
): { specs: ModerationSpec[]; curves: ModerationCurve[] } {
  const choices = moderationChoices();
  const specs: ModerationSpec[] = [];
  const curves: ModerationCurve[] = [];
  const balkans = new Set(BALKANS);
  for (const o of outcomes) {
    for (const m of moderators) {
      const mine: ModerationSpec[] = [];
      for (const c of choices) {
        const formula = moderationFormula(c);
        let rows = moderationRows(panel(c.multiHost as MultiHost), o, m, c.size);
        if (c.sample === "no-balkans") rows = rows.filter((r) => !balkans.has(r.ccode as number));
        try {
          const r = fit(formula, rows, { model: o.model, vcov: { type: "cluster", by: ["ccode"] } });
          const t = r.tidy.find((x) => x.term === INTERACTION && x.aliased !== true);
          if (t === undefined) throw new Error(`${INTERACTION} not estimated`);
          mine.push({ outcome: o.col, moderator: m.col, choices: c, formula, estimate: t.estimate, std_error: t.std_error, p_value: t.p_value, nobs: r.glance.nobs, error: null });
        } catch (err) {
          mine.push({ outcome: o.col, moderator: m.col, choices: c, formula, estimate: null, std_error: null, p_value: null, nobs: null, error: err instanceof Error ? err.message : String(err) });
        }
      }
      const est = mine.filter((s) => s.estimate !== null);
      const n = est.length;
      const def = mine.find((s) => FORK_IDS.every((f) => s.choices[f] === MODERATION_DEFAULT[f]));
      curves.push({
        outcome: o.col,
        moderator: m.col,
        specs: mine.length,
        estimated: n,
        share_negative_significant: n > 0 ? est.filter((s) => s.estimate! < 0 && s.p_value! < 0.05).length / n : null,
        share_positive_significant: n > 0 ? est.filter((s) => s.estimate! > 0 && s.p_value! < 0.05).length / n : null,
        median_z: median(est.map((s) => s.estimate! / s.std_error!)),
        default_estimate: def?.estimate ?? null,
        default_p: def?.p_value ?? null,
      });
      specs.push(...mine);
    }
  }
  return { specs, curves };
}

/** The forks with the multiverse's reasons, for the docs and the output (ids, options, reasons). */
export function moderationForkReasons(): { fork: string; label: string; options: { id: string; reason: string }[] }[] {
  return FORK_IDS.map((id) => {
    const f = forkOf(id);
    return { fork: id, label: f.label, options: MODERATION_FORKS[id].map((o) => ({ id: o, reason: f.options.find((x) => x.id === o)?.reason ?? "" })) };
  });
}

/** contributors-forks.csv: one row per specification. */
export function moderationSpecsCsv(specs: readonly ModerationSpec[]): string {
  const q = (v: string | number | null): string => (v === null ? "" : typeof v === "number" ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const head = ["outcome", "moderator", ...FORK_IDS, "formula", "estimate", "std_error", "p_value", "nobs", "error"];
  return [head.join(","), ...specs.map((s) => [s.outcome, s.moderator, ...FORK_IDS.map((f) => s.choices[f]), s.formula, s.estimate, s.std_error, s.p_value, s.nobs, s.error].map(q).join(","))].join("\n") + "\n";
}

/** The forks as Markdown for contributors.md: what was varied, and per outcome x moderator how the interaction fares. */
export function moderationForksMarkdown(curves: readonly ModerationCurve[], outcomes: readonly Outcome[] = OUTCOMES, moderators: readonly Moderator[] = MODERATORS): string {
  const pct = (x: number | null) => (x === null ? "n/a" : `${Math.round(100 * x)}%`);
  const L: string[] = ["## Through the multiverse's forks", ""];
  L.push(
    `Each model again under every combination of ${FORK_IDS.map((f) => `${forkOf(f).label.toLowerCase()} (${MODERATION_FORKS[f].join(", ")})`).join("; ")}: ` +
      `${moderationChoices().length} specifications per outcome and moderator, each with its outcome's estimator and country-clustered errors ` +
      "(reasons for each option: docs/multiverse.md). The study's own specification is located, un_total, paper, trend, all. Every specification: contributors-forks.csv.",
    "",
  );
  L.push("| outcome | moderator | estimated / specifications | negative, p < 0.05 | positive, p < 0.05 | median z | study's specification |", "|---|---|---:|---:|---:|---:|---:|");
  for (const c of curves) {
    const o = outcomes.find((x) => x.col === c.outcome)?.col ?? c.outcome;
    const m = moderators.find((x) => x.col === c.moderator)?.label ?? c.moderator;
    const def = c.default_estimate === null ? "n/a" : `${c.default_estimate.toFixed(3)} (p = ${c.default_p!.toFixed(3)})`;
    L.push(`| ${o} | ${m} | ${c.estimated} / ${c.specs} | ${pct(c.share_negative_significant)} | ${pct(c.share_positive_significant)} | ${c.median_z === null ? "n/a" : c.median_z.toFixed(2)} | ${def} |`);
  }
  L.push("", "With 24 outcome x moderator pairs and 108 correlated specifications each, a few pairs with some significant specifications are expected by chance; a moderation the data show should be significant, with one sign, across most of its specifications.", "");
  return L.join("\n");
}
