import { createCountryYears } from "../panel/create-country-years.js";
import { toRows } from "../panel/panel.js";
import { SourceLoader } from "../panel/pipeline.js";
import { addTipTier } from "../panel/steps/add-tip-tier.js";
import { addTrafficking } from "../panel/steps/add-trafficking.js";
import { addUnPeacekeeping } from "../panel/steps/add-un-peacekeeping.js";
import { addUsTroops } from "../panel/steps/add-us-troops.js";
import type { PanelRow } from "./data.js";
import { panelOptionsFor } from "./engine.js";
import type { StudyOptions } from "./options.js";

/** Build the country-year panel the study reads from the raw files in `dataDir`. */
export function studyPanel(dataDir: string, o: StudyOptions, loader = new SourceLoader(dataDir)): { rows: PanelRow[]; sources: string[] } {
  let p = createCountryYears(loader, panelOptionsFor(o));
  p = addUnPeacekeeping(p, loader);
  p = addTrafficking(p, loader);
  p = addTipTier(p, loader);
  p = addUsTroops(p, loader);
  return { rows: toRows(p), sources: [...p.meta.sources] };
}
