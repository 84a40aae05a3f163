import { resolve } from "node:path";
import { readCountrycodeCodelist } from "../sources/countrycode-codelist.js";
import { readCowGwStateYear } from "../sources/cow-gw-state-year.js";
import { readCowSystem } from "../sources/cow-system.js";
import { CountryCodes } from "./country-codes.js";
import { buildCodeTables } from "./tables.js";

const cache = new Map<string, CountryCodes>();

/**
 * The country-code crosswalk for a data directory, built once per directory and then
 * shared (synchronous; reads and verifies `states/isard_cw_gw_panel.csv`,
 * `states/countrycode_codelist.csv` and `states/isard_cw_system.csv`). Note that the
 * shared instance also shares its {@link CountryCodes.report} of failed lookups.
 */
export function loadCountryCodes(dataDir: string): CountryCodes {
  const dir = resolve(dataDir);
  let codes = cache.get(dir);
  if (!codes) {
    codes = new CountryCodes(buildCodeTables(readCowGwStateYear(dir), readCountrycodeCodelist(dir), readCowSystem(dir)));
    cache.set(dir, codes);
  }
  return codes;
}
