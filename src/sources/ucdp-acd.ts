import type { SourceDef } from "./source.js";

/** UCDP/PRIO Armed Conflict Dataset v25.1, conflict-year rows duplicated per side state (gwno_a, gwno_b ...), type_of_conflict, intensity_level, dates; GW codes */
export const ucdpAcdSource: SourceDef = {
  id: "ucdp_acd",
  file: "controls/ucdp_acd_v25_1.csv",
  sha256: "cd755f17579f079ebdf87d27629be9f0a9980d87bcdc298456a67752d6cec96a",
  bytes: 408047,
  url: null,
  what: "UCDP/PRIO Armed Conflict Dataset v25.1, conflict-year rows duplicated per side state (gwno_a, gwno_b ...), type_of_conflict, intensity_level, dates; GW codes",
  citation: "Gleditsch et al. 2002. Journal of Peace Research 39(5); Davies, Pettersson, Sollenberg and Oberg 2025. Journal of Peace Research 62(4).",
  license: "CC BY 4.0 (data)",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};
