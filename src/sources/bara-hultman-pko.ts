import type { SourceDef } from "./source.js";

/** UN and non-UN (regional organisations, NATO e.g. KFOR/SFOR/IFOR, EU, ECOWAS/ECOMOG, AU, single states) peace operations in conflict countries, mission-month, 1993-2016; org 1 = UN; troops/police/observers from several sources (SIPRI, IPI, ...); COW ccode of host */
export const baraHultmanPkoSource: SourceDef = {
  id: "bara_hultman_pko",
  file: "pko/bara_hultman_un_nonun_pko.csv",
  sha256: "3bf0a2c096d701d4bb11aa20578abd87f564aa72f530b0e5a3609c360bd67ffb",
  bytes: 950251,
  url: "https://raw.githubusercontent.com/tdballesteros/conflict-relapse/6ee86fa8ae1608825c184a204100d1cc9e9538e6/Data%20files/Raw%20data%20files/pko.csv",
  what: "UN and non-UN (regional organisations, NATO e.g. KFOR/SFOR/IFOR, EU, ECOWAS/ECOMOG, AU, single states) peace operations in conflict countries, mission-month, 1993-2016; org 1 = UN; troops/police/observers from several sources (SIPRI, IPI, ...); COW ccode of host",
  citation: "Bara, Corinne and Lisa Hultman. 2020. Just Different Hats? Comparing UN and Non-UN Peacekeeping. International Peacekeeping 27(3): 341-368.",
  license: "none stated",
};
