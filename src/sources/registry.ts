import { ipiMissionMonthSource } from "./ipi-mission-month.js";
import { kathmanMissionMonthSource } from "./kathman-mission-month.js";
import { kathmanMissionMonthCsvSource } from "./kathman-mission-month-csv.js";
import { ipiTccGenderSource } from "./ipi-tcc-gender.js";
import { ipiTccMonthSource } from "./ipi-tcc-month.js";
import { unMissionsSource } from "./un-missions.js";
import { unpkoCrosswalkSource } from "./unpko-crosswalk.js";
import { unpkoCrosswalkCsvSource } from "./unpko-crosswalk-csv.js";
import { radpkoBaseYearSource } from "./radpko-base-year.js";
import { geopkoLocationsSource } from "./geopko-locations.js";
import { geopkoRdataSource } from "./geopko-rdata.js";
import { baraHultmanPkoSource } from "./bara-hultman-pko.js";
import { htiSource } from "./hti.js";
import { htiCodebookSource } from "./hti-codebook.js";
import { htiCodebookTextSource } from "./hti-codebook-text.js";
import { tipTiersSource } from "./tip-tiers.js";
import { policyIndex3pSource } from "./policy-index-3p.js";
import { kelleySimmonsSource } from "./kelley-simmons.js";
import { usTroopsLegacySource } from "./us-troops-legacy.js";
import { usTroopsRebuildSource } from "./us-troops-rebuild.js";
import { usBasesSource } from "./us-bases.js";
import { cowStatesSource } from "./cow-states.js";
import { cowGwStateYearSource } from "./cow-gw-state-year.js";
import { cowSystemSource } from "./cow-system.js";
import { gwSystemSource } from "./gw-system.js";
import { countrycodeCodelistSource } from "./countrycode-codelist.js";
import { countrycodePanelSource } from "./countrycode-panel.js";
import { democracySource } from "./democracy.js";
import { gdpPopFarissSource } from "./gdp-pop-fariss.js";
import { maddisonSource } from "./maddison.js";
import { cowNmcSource } from "./cow-nmc.js";
import { ucdpAcdSource } from "./ucdp-acd.js";
import { wdiGdpSource } from "./wdi-gdp.js";
import { wdiPopulationSource } from "./wdi-population.js";
import type { SourceDef } from "./source.js";

/** Every source the project knows, in a fixed order. */
export const SOURCES: readonly SourceDef[] = Object.freeze([
  ipiMissionMonthSource,
  kathmanMissionMonthSource,
  kathmanMissionMonthCsvSource,
  ipiTccGenderSource,
  ipiTccMonthSource,
  unMissionsSource,
  unpkoCrosswalkSource,
  unpkoCrosswalkCsvSource,
  radpkoBaseYearSource,
  geopkoRdataSource,
  geopkoLocationsSource,
  baraHultmanPkoSource,
  htiSource,
  htiCodebookSource,
  htiCodebookTextSource,
  tipTiersSource,
  policyIndex3pSource,
  kelleySimmonsSource,
  usTroopsLegacySource,
  usTroopsRebuildSource,
  usBasesSource,
  cowStatesSource,
  cowGwStateYearSource,
  cowSystemSource,
  gwSystemSource,
  countrycodeCodelistSource,
  countrycodePanelSource,
  democracySource,
  gdpPopFarissSource,
  maddisonSource,
  cowNmcSource,
  ucdpAcdSource,
  wdiGdpSource,
  wdiPopulationSource,
]);

/** Look up a source by id. */
export function sourceById(id: string): SourceDef | undefined {
  return SOURCES.find((s) => s.id === id);
}
