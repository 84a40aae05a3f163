import type { SourceDef } from "./source.js";

/** UN peacekeeping mission-month personnel (troops, police, observers, total) and number of contributing countries; one host (HQ country, ISO-3) per mission; 1990-11 to 2017-03, 2016-11 missing */
export const ipiMissionMonthSource: SourceDef = {
  id: "ipi_mission_month",
  file: "pko/ipi_data_mission.csv",
  sha256: "f2d85e446109c9ce6cbd4cb27340e0ffa17634f62856f2ce2435bdd2ceb4c371",
  bytes: 711548,
  url: "https://raw.githubusercontent.com/IPIDataLab/PPP_Loader/2653920af58e91a892d1cde3a402a57a2ebf5cdf/ppp_files/data_mission.csv",
  what: "UN peacekeeping mission-month personnel (troops, police, observers, total) and number of contributing countries; one host (HQ country, ISO-3) per mission; 1990-11 to 2017-03, 2016-11 missing",
  citation: "Perry, Chris and Adam C. Smith. 2013. Trends in Uniformed Contributions to UN Peacekeeping: A New Dataset, 1991-2012. Providing for Peacekeeping No. 3. International Peace Institute.",
  license: "none stated (repo code GPL-2.0)",
};
