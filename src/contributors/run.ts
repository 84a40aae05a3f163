import { createCountryYears } from "../panel/create-country-years.js";
import { toRows, type PanelRow } from "../panel/panel.js";
import { runSteps, SourceLoader } from "../panel/pipeline.js";
import { civilConflictStep } from "../panel/steps/add-civil-conflict.js";
import { contributorProfileStep } from "../panel/steps/add-contributor-profile.js";
import { democracyStep } from "../panel/steps/add-democracy.js";
import { economyStep } from "../panel/steps/add-economy.js";
import { policyIndex3pStep } from "../panel/steps/add-policy-index-3p.js";
import { tipTierStep } from "../panel/steps/add-tip-tier.js";
import { traffickingStep } from "../panel/steps/add-trafficking.js";
import { unPeacekeepingStep } from "../panel/steps/add-un-peacekeeping.js";
import { womenInMissionsStep } from "../panel/steps/add-women-in-missions.js";
import type { SourceDef } from "../sources/source.js";
import type { MultiHost } from "../panel/options.js";
import type { SourceAgreement } from "./compare-sources.js";
import { analyseModeration, type ModerationResult, type ModRow } from "./models.js";
import { MODERATORS, OUTCOMES, type Moderator, type Outcome } from "./spec.js";

/** Default seed of the power simulations. */
export const DEFAULT_SEED = 20180601;
/** Simulated samples per candidate effect in the power search. */
export const DEFAULT_NSIM = 100;

/** Everything `pkt contributors` writes. */
export interface ContributorsResults {
  readonly settings: { readonly seed: number; readonly nsim: number; readonly alignment: "t-1" };
  readonly outcomes: readonly Outcome[];
  readonly moderators: readonly Moderator[];
  readonly results: readonly ModerationResult[];
  /** Host-years with UN personnel and with each moderator, by calendar year. */
  readonly coverage: readonly { readonly year: number; readonly hosts: number; readonly covered: Readonly<Record<string, number>> }[];
  readonly sources: readonly SourceDef[];
  readonly failures: readonly { readonly outcome: string; readonly moderator: string; readonly message: string }[];
  /** Geo-PKO against the IPI file where both cover a mission-month (null when not computed). */
  readonly agreement: SourceAgreement | null;
}

/**
 * The rows of one outcome x moderator: `y`, `moderator` (0 where no UN personnel), `trend`,
 * `size` (the column `sizeCol`, for the forks; the study's models read `un_total`);
 * only the outcome's years in which the moderator exists for some host (the HTI-based shares
 * end in 2010), so non-hosts of other years do not enter.
 */
export function moderationRows(panel: readonly PanelRow[], o: Pick<Outcome, "col" | "years">, m: Pick<Moderator, "col">, sizeCol = "un_total"): ModRow[] {
  const out: ModRow[] = [];
  const years = new Set(panel.filter((r) => r[m.col] !== null && r[m.col] !== undefined).map((r) => r.year as number));
  for (const r of panel) {
    const year = r.year as number;
    if (year < o.years[0] || year > o.years[1] || !years.has(year)) continue;
    const un = r.un_total as number | null;
    const mod = un === null ? null : un > 0 ? (r[m.col] as number | null) : 0;
    out.push({
      ccode: r.ccode as number,
      year,
      y: r[o.col] as number | null,
      un_total: un,
      size: r[sizeCol] as number | null,
      moderator: mod,
      gdppc: r.gdppc as number | null,
      pop: r.pop as number | null,
      v2x_polyarchy: r.v2x_polyarchy as number | null,
      civil_conflict: r.civil_conflict as number | null,
      trend: year - o.years[0],
    });
  }
  return out;
}

/** Build the panel the moderation models need (calendar years 2008-2015, default options but the multi-host placement). */
export function contributorsPanel(dataDir: string, loader = new SourceLoader(dataDir), multiHost: MultiHost = "located"): PanelRow[] {
  const steps = [unPeacekeepingStep, womenInMissionsStep, contributorProfileStep, traffickingStep, tipTierStep, policyIndex3pStep, economyStep, democracyStep, civilConflictStep];
  return toRows(runSteps(createCountryYears(loader, { years: [2008, 2015], multiHost }), steps, loader));
}

/** Run every outcome x moderator on `panel` rows. */
export function runContributors(panel: readonly PanelRow[], opts: { seed?: number; nsim?: number; sources?: readonly SourceDef[]; agreement?: SourceAgreement } = {}): ContributorsResults {
  const seed = opts.seed ?? DEFAULT_SEED;
  const nsim = opts.nsim ?? DEFAULT_NSIM;
  const results: ModerationResult[] = [];
  const failures: { outcome: string; moderator: string; message: string }[] = [];
  for (const o of OUTCOMES) {
    for (const m of MODERATORS) {
      try {
        results.push(analyseModeration(moderationRows(panel, o, m), o, m.col, { seed, nsim }));
      } catch (err) {
        failures.push({ outcome: o.col, moderator: m.col, message: (err as Error).message });
      }
    }
  }
  const years = [...new Set(panel.map((r) => r.year as number))].sort((a, b) => a - b);
  const coverage = years.map((year) => {
    const hosts = panel.filter((r) => r.year === year && (r.un_total as number) > 0);
    return { year, hosts: hosts.length, covered: Object.fromEntries(MODERATORS.map((m) => [m.col, hosts.filter((r) => r[m.col] !== null).length])) };
  });
  return { settings: { seed, nsim, alignment: "t-1" }, outcomes: OUTCOMES, moderators: MODERATORS, results, coverage, sources: opts.sources ?? [], failures, agreement: opts.agreement ?? null };
}
