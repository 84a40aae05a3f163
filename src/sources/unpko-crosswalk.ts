import type { SourceDef } from "./source.js";

/** researcher-made mission to host ISO-3 crosswalk (several rows for multi-host missions; Kosovo coded KSV) */
export const unpkoCrosswalkSource: SourceDef = {
  id: "unpko_crosswalk",
  file: "pko/unpko_country_crosswalk.xlsx",
  sha256: "e59fe7b1aeff9a16e120c37f67a6276203a16ff9beb7805ad62291bcb55d590c",
  bytes: 12484,
  url: "https://raw.githubusercontent.com/tdballesteros/conflict-relapse/e6130e8619cbaa3da387820be4d46235bcd83051/Data%20files/Other/unpko_country_crosswalk.xlsx",
  what: "researcher-made mission to host ISO-3 crosswalk (several rows for multi-host missions; Kosovo coded KSV)",
  citation: "Ballesteros, T. D., conflict-relapse repository (unofficial).",
  license: "none stated",
};
