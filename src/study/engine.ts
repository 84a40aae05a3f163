import type { ResolvedPanelOptions } from "../panel/options.js";
import { fit, type ModelResults } from "../stats/index.js";
import type { PanelRow } from "./data.js";
import type { StudyOptions } from "./options.js";
import type { FitRequest } from "./run.js";

/**
 * The panel options a study run needs: the study's choices mapped onto the panel's
 * (source, report alignment, "No mention" coding, US series), calendar years from two
 * before the first report year (the lag alignment and the lagged tier reach back two
 * years) to the last. Durations do not need earlier rows: the panel computes them from
 * the whole mission-month history.
 */
export function panelOptionsFor(o: StudyOptions): Partial<ResolvedPanelOptions> {
  return {
    years: [o.yearFrom - 2, o.yearTo],
    unSource: o.source,
    reportAlignment: o.alignment === "lag" ? "t-1" : "t",
    htiNoMention: o.outcomeCoding === "yes-vs-rest" ? "zero" : "missing",
    usTroops: o.usSeries,
  };
}

/** Fit one study model with the project's estimation engine (src/stats). */
export function studyFit(formula: string, rows: readonly PanelRow[], req: FitRequest): ModelResults {
  const vcov = req.vcov.type === "cluster" ? { type: "cluster" as const, by: [...(req.vcov.by ?? ["ccode"])] } : "classical";
  return fit(formula, rows, { model: req.model, vcov });
}
