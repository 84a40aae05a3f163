import type { SourceDef } from "./source.js";

/** Africa only, mission base x year, 1999-2019: coordinates, UN troops/police/observers, contributors present ('|' list) and per-contributor columns */
export const radpkoBaseYearSource: SourceDef = {
  id: "radpko_base_year",
  file: "pko/radpko_bases_cc_y.csv",
  sha256: "31e70e4caf0a886b6ac0269a6f351a0fd425672edc5d274cea9bd4e2061fe4e3",
  bytes: 2991092,
  url: "https://raw.githubusercontent.com/dapp-lab/radpko-shiny/27e5d4d8ed89a2e24d47d9a1ba2c047f6c117cb5/app/radpko_bases_cc_y.csv",
  what: "Africa only, mission base x year, 1999-2019: coordinates, UN troops/police/observers, contributors present ('|' list) and per-contributor columns",
  citation: "Hunnicutt, Patrick and William G. Nomikos. 2020. Nationality, Gender, and Deployments at the Local Level: Introducing the RADPKO Dataset. International Peacekeeping 27(4).",
  license: "none stated",
};
