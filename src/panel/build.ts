import { checkColumnSelection, resolveOptions, type PanelOptions } from "./options.js";
import { selectColumns, type Panel } from "./panel.js";
import { checkPipeline, runSteps, SourceLoader, type PanelStep } from "./pipeline.js";
import { createCountryYears, KEY_DOCS } from "./create-country-years.js";
import { civilConflictStep } from "./steps/add-civil-conflict.js";
import { contributorProfileStep } from "./steps/add-contributor-profile.js";
import { democracyStep } from "./steps/add-democracy.js";
import { economyStep } from "./steps/add-economy.js";
import { nonUnOperationsStep } from "./steps/add-non-un-operations.js";
import { policyIndex3pStep } from "./steps/add-policy-index-3p.js";
import { tipTierStep } from "./steps/add-tip-tier.js";
import { traffickingStep } from "./steps/add-trafficking.js";
import { unPeacekeepingStep } from "./steps/add-un-peacekeeping.js";
import { usTroopsStep } from "./steps/add-us-troops.js";
import { womenInMissionsStep } from "./steps/add-women-in-missions.js";

/** The steps of the full panel, in order. */
export const PANEL_STEPS: readonly PanelStep[] = [
  unPeacekeepingStep,
  nonUnOperationsStep,
  womenInMissionsStep,
  contributorProfileStep,
  traffickingStep,
  tipTierStep,
  policyIndex3pStep,
  usTroopsStep,
  economyStep,
  democracyStep,
  civilConflictStep,
];

/** Every column the full panel has, in output order. */
export function panelColumnNames(): string[] {
  return [...KEY_DOCS.map((d) => d.name), ...PANEL_STEPS.flatMap((s) => s.produces)];
}

/**
 * Build the study's country-year panel from the raw files in `dataDir`:
 * {@link createCountryYears} then every step in {@link PANEL_STEPS}, each checked for
 * the panel invariants. Options (all optional) are documented on `ResolvedPanelOptions`.
 * @throws OptionError for a bad option (unknown option or value, years outside the data, unknown column).
 */
export function buildPanel(dataDir: string, options: PanelOptions = {}): Panel {
  return buildPanelFrom(new SourceLoader(dataDir), options);
}

/**
 * {@link buildPanel} reading through a given SourceLoader, so that several builds (with
 * different options) read and parse each source file once.
 */
export function buildPanelFrom(loader: SourceLoader, options: PanelOptions = {}): Panel {
  const opts = resolveOptions(options);
  if (opts.columns !== null) checkColumnSelection(opts.columns, panelColumnNames());
  checkPipeline(PANEL_STEPS, KEY_DOCS.map((d) => d.name));
  const panel = runSteps(createCountryYears(loader, opts), PANEL_STEPS, loader);
  return opts.columns === null ? panel : selectColumns(panel, opts.columns);
}
