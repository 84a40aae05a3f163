import {
  civilConflictStep,
  createCountryYears,
  democracyStep,
  economyStep,
  runSteps,
  SourceLoader,
  tipTierStep,
  toRows,
  traffickingStep,
  unPeacekeepingStep,
  usTroopsStep,
  type PanelStep,
} from "../panel/index.js";
import type { PanelRow } from "./data.js";
import { panelOptionsFor } from "./engine.js";
import type { StudyOptions } from "./options.js";

/**
 * The panel steps the study reads (the full panel's other steps, such as non-UN
 * operations and the 3P index, are not needed for the models and are skipped for speed).
 */
export const STUDY_STEPS: readonly PanelStep[] = [unPeacekeepingStep, traffickingStep, tipTierStep, usTroopsStep, economyStep, democracyStep, civilConflictStep];

/**
 * Build the country-year panel the study reads from the raw files in `dataDir`.
 * Pass one `loader` to several builds (robustness checks) so each file is read once.
 */
export function studyPanel(dataDir: string, o: StudyOptions, loader = new SourceLoader(dataDir)): { rows: PanelRow[]; sources: string[] } {
  const p = runSteps(createCountryYears(loader, panelOptionsFor(o)), STUDY_STEPS, loader);
  return { rows: toRows(p), sources: [...p.meta.sources] };
}
