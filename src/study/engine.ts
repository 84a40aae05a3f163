import type { ResolvedPanelOptions } from "../panel/options.js";
import { fit, type ModelResults } from "../stats/index.js";
import type { PanelRow } from "./data.js";
import type { StudyOptions } from "./options.js";
import type { FitRequest } from "./run.js";

/**
 * The panel options a study run needs: the study's choices mapped onto the panel's
 * (the shared options: source, report alignment, multi-host placement, Kosovo, US series), calendar years from two
 * before the first report year (the lag alignment and the lagged tier reach back two
 * years) to the last. Durations do not need earlier rows: the panel computes them from
 * the whole mission-month history.
 */
export function panelOptionsFor(o: StudyOptions): Partial<ResolvedPanelOptions> {
  return {
    years: [o.yearFrom - 2, o.yearTo],
    unSource: o.unSource,
    reportAlignment: o.reportAlignment,
    multiHost: o.multiHost,
    kosovo: o.kosovo,
    usTroops: o.usTroops,
  };
}

/** Fit one study model with the project's estimation engine (src/stats). */
export function studyFit(formula: string, rows: readonly PanelRow[], req: FitRequest): ModelResults {
  const vcov = req.vcov.type === "cluster" ? { type: "cluster" as const, by: [...(req.vcov.by ?? ["ccode"])] } : "classical";
  return fit(formula, rows, { model: req.model, vcov });
}
