import type { SourceDef } from "./source.js";

/** COW state-year panel 1816-2025 with matching Gleditsch-Ward codes; rows with empty ccode are GW-only */
export const cowGwStateYearSource: SourceDef = {
  id: "cow_gw_state_year",
  file: "states/isard_cw_gw_panel.csv",
  sha256: "5cc804a7afcb6aad5399b66e11909807bb364732698a944f4de76be0130843c1",
  bytes: 766696,
  url: null,
  what: "COW state-year panel 1816-2025 with matching Gleditsch-Ward codes; rows with empty ccode are GW-only",
  citation: "Miller, Steven V. isard (R package, v0.2.0); see also Miller 2022, peacesciencer, Conflict Management and Peace Science 39(6): 755-779. Gleditsch, Kristian S. and Michael D. Ward. 1999. International Interactions 25(4).",
  license: "GPL-2",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};
