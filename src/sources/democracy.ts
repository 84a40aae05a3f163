import type { SourceDef } from "./source.js";

/** COW state-year regime measures 1816-2025: extended UDS (euds, aeuds), Polity5 polity2 (ends 2018), V-Dem v2x_polyarchy (v16) */
export const democracySource: SourceDef = {
  id: "democracy",
  file: "controls/isard_cw_democracy.csv",
  sha256: "e21dea3a26d68e974d601bfb8f0a64cce174cb6cbb23a18003afb734df46bda8",
  bytes: 940135,
  url: null,
  what: "COW state-year regime measures 1816-2025: extended UDS (euds, aeuds), Polity5 polity2 (ends 2018), V-Dem v2x_polyarchy (v16)",
  citation: "Miller, Steven V. isard (R package, v0.2.0); see also Miller 2022, peacesciencer, Conflict Management and Peace Science 39(6): 755-779. Marquez 2016 (SSRN 2753830); Marshall 2020 Polity5; Coppedge et al. V-Dem v16.",
  license: "GPL-2 package; V-Dem CC BY-SA 4.0",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};
