import type { SourceDef } from "./source.js";

/** CSV copy of unpko_country_crosswalk.xlsx */
export const unpkoCrosswalkCsvSource: SourceDef = {
  id: "unpko_crosswalk_csv",
  file: "pko/unpko_country_crosswalk.csv",
  sha256: "f86ea011f333c094bac19b6ff2a54247dda2c9d13375d020fa27ddf223ff783f",
  bytes: 6470,
  url: null,
  what: "CSV copy of unpko_country_crosswalk.xlsx",
  citation: "Ballesteros, T. D., conflict-relapse repository (unofficial).",
  license: "none stated",
  derived: "sheet 1 of the xlsx written as CSV; values unchanged",
};
