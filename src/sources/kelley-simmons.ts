import type { SourceDef } from "./source.js";

/** Stata 114 file, 180 countries x 1967-2011, 155 variables: TIP tiers (2.5 Watch List, 555 not in report, 666 special case), 3P, UNODC incidence indices (time-invariant), Polity, Freedom House, WDI, US aid */
export const kelleySimmonsSource: SourceDef = {
  id: "kelley_simmons",
  file: "trafficking/kelley_simmons_ajps_2014_replication.dta",
  sha256: "7c1083585067797f5449587eeb62be8d245b7d6b6bc68a214775f354d02510d3",
  bytes: 3977275,
  url: "https://raw.githubusercontent.com/andrewheiss/scorecard-diplomacy/0ccc6fb52ed82783ac3ac35e073c20740a6a2a9d/data/original/kelley_simmons_ajps_2014_replication.dta",
  what: "Stata 114 file, 180 countries x 1967-2011, 155 variables: TIP tiers (2.5 Watch List, 555 not in report, 666 special case), 3P, UNODC incidence indices (time-invariant), Polity, Freedom House, WDI, US aid",
  citation: "Kelley, Judith G. and Beth A. Simmons. 2015. Politics by Number: Indicators as Social Pressure in International Relations. American Journal of Political Science 59(1): 55-70.",
  license: "MIT (repository)",
};
