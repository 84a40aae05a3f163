import type { SourceDef } from "./source.js";

/** COW state-year GDP per capita (mrgdppc, 2011 PPP, Maddison-anchored), real GDP and population (PWT-anchored) with standard deviations, 1816-2019 */
export const gdpPopFarissSource: SourceDef = {
  id: "gdp_pop_fariss",
  file: "controls/isard_cw_gdppop_fariss.csv",
  sha256: "2fab9ad994b61d0ac260177e1d0867ae83f4d9cb7c2313f96bb8c99bdbe87a88",
  bytes: 1835202,
  url: null,
  what: "COW state-year GDP per capita (mrgdppc, 2011 PPP, Maddison-anchored), real GDP and population (PWT-anchored) with standard deviations, 1816-2019",
  citation: "Miller, Steven V. isard (R package, v0.2.0); see also Miller 2022, peacesciencer, Conflict Management and Peace Science 39(6): 755-779. Fariss, Anders, Markowitz and Barnum. 2022. Journal of Conflict Resolution 66(3): 553-591.",
  license: "GPL-2",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};
