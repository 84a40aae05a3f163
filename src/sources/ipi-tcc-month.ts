import type { SourceDef } from "./source.js";

/** contributor x mission personnel for 2014-03 in the full 73-column IPI schema */
export const ipiTccMonthSource: SourceDef = {
  id: "ipi_tcc_month",
  file: "pko/ipi_tcc_2014-03.csv",
  sha256: "457d805193f85439529a2bff340c9e57ff3ad7a88e45be25e2482f5e75d46586",
  bytes: 154228,
  url: "https://raw.githubusercontent.com/IPIDataLab/PPP_Loader/adec10c8516cdf0a556419f34172d1bd76bf7aa5/ppp_files/current_month/current_month.csv",
  what: "contributor x mission personnel for 2014-03 in the full 73-column IPI schema",
  citation: "Perry, Chris and Adam C. Smith. 2013. Trends in Uniformed Contributions to UN Peacekeeping: A New Dataset, 1991-2012. Providing for Peacekeeping No. 3. International Peace Institute.",
  license: "none stated (repo code GPL-2.0)",
};
