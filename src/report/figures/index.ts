import type { StudyResults } from "../../study/run.js";
import { sizeTerm } from "../../study/spec.js";
import { predecessorNote, withPredecessors } from "./predecessors.js";
import { mapSpec, marginalEffectSpec, predictionSpec, type VegaLiteSpec } from "./specs.js";
import type { WorldFeature } from "./world.js";

export { mapSpec, marginalEffectSpec, predictionSpec, statusOf, personnelTicks, type VegaLiteSpec } from "./specs.js";
export { renderPng, renderSvg, FONT_DIRS, FONT_FILES } from "./render.js";
export { worldFeatures, worldAtlasPath, type WorldFeature } from "./world.js";
export { PALETTE, STATUS_COLORS } from "../../core/palette.js";
export { PREDECESSORS, predecessorNote, withPredecessors } from "./predecessors.js";

/** One figure of the report: its spec (data) and the words around it. */
export interface FigureDef {
  /** File stem, e.g. `prediction` -> figures/prediction.svg. */
  readonly id: string;
  readonly title: string;
  /** What the reader sees and how to read it. */
  readonly caption: string;
  readonly spec: VegaLiteSpec;
}

const OUTCOME_WORDS = { pdest: "destination for forced prostitution", destination: "destination for trafficking (any type)" };

/** The report's figures as Vega-Lite specs; curves that could not be computed are left out. */
export function figureSpecs(study: StudyResults, world: readonly WorldFeature[]): FigureDef[] {
  const o = study.options;
  const outcome = OUTCOME_WORDS[o.outcome];
  const size = sizeTerm(o);
  const sizeWords = o.size === "un_troops" ? "UN troops" : o.size === "un_peak" ? "UN personnel (peak month)" : "UN personnel (monthly mean)";
  const align = o.reportAlignment === "t-1" ? "deployments in the year before the report" : "deployments in the report year";
  const figs: FigureDef[] = [];
  if (study.curves.prediction.length > 0) {
    figs.push({
      id: "prediction",
      title: "Predicted probability of being a destination, by deployment size",
      caption:
        `Model M1. Average predicted probability that a country is listed as a ${outcome}, setting every country's ${sizeWords.replace(/ \(.*\)$/, "")} to the value on the horizontal axis ` +
        `and keeping its other characteristics as observed; shaded band: 95% confidence interval (delta method, country-clustered). Horizontal axis on a log scale (${align}).`,
      spec: predictionSpec(study.curves.prediction, { xTitle: sizeWords, yTitle: "Probability of being a destination", subtitle: `Model M1, ${size.label}, 95% CI` }),
    });
  }
  if (study.curves.duration.length > 0) {
    figs.push({
      id: "me-duration",
      title: "Effect of deployment size across mission duration",
      caption:
        "Model M2. Marginal effect of log(1 + personnel) on the log-odds of being a destination, at each number of years the deployment has lasted (5th to 95th percentile of country-years with UN personnel); " +
        "shaded band: 95% CI. Where the band lies above the dashed zero line, larger deployments are associated with a higher chance of being a destination at that duration.",
      spec: marginalEffectSpec(study.curves.duration, { title: "Effect of deployment size, by mission duration", xTitle: "Years since the deployment began", subtitle: "Model M2, 95% CI" }),
    });
  }
  if (study.curves.tcc.length > 0) {
    figs.push({
      id: "me-tcc",
      title: "Effect of deployment size across the number of contributing countries",
      caption:
        "Model M3. Marginal effect of log(1 + personnel) on the log-odds of being a destination, at each number of troop- and police-contributing countries (5th to 95th percentile of country-years with UN personnel); shaded band: 95% CI. " +
        "The effect holds the number of contributors fixed; since contributors come with deployments, read it together with the (negative) main effect of contributors in the table.",
      spec: marginalEffectSpec(study.curves.tcc, { title: "Effect of deployment size, by number of contributing countries", xTitle: "Contributing countries (TCCs)", subtitle: "Model M3, 95% CI" }),
    });
  }
  if (world.length > 0 && study.map.length > 0) {
    figs.push({
      id: "map",
      title: `UN deployments and destination status, TIP report ${o.mapYear}`,
      caption:
        `Countries coloured by whether the TIP report of ${o.mapYear} lists them as a ${outcome} (dark orange: listed; blue-grey: in the report, not listed; white: no data). ` +
        `${predecessorNote(withPredecessors(new Map(study.map.map((r) => [r.iso3, r]))).filled)} ` +
        `Circles: mean monthly UN uniformed personnel (${align}), area proportional to size. Outlines: Natural Earth 1:110m (world-atlas).`,
      spec: mapSpec(world, study.map, { year: o.mapYear, subtitle: `Fill: listed as a ${outcome} in the TIP report of ${o.mapYear}; circles: UN personnel (${align})`, outcomeTitle: "TIP report" }),
    });
  }
  return figs;
}
