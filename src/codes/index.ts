/** Country codes: the year-aware COW / Gleditsch-Ward / ISO-3 crosswalk and name matching. */
export { loadCountryCodes } from "./load-country-codes.js";
export { CountryCodes, StrictCountryCodes } from "./country-codes.js";
export { buildCodeTables, type CodeTables, type CowStateYear, type NameTarget, type Transition } from "./tables.js";
export { cowToIso3 } from "./cow-to-iso3.js";
export { iso3ToCow } from "./iso3-to-cow.js";
export { cowToGw } from "./cow-to-gw.js";
export { gwToCow } from "./gw-to-cow.js";
export { cowName } from "./cow-name.js";
export { isCowState } from "./is-cow-state.js";
export { cowStateYears } from "./cow-state-years.js";
export { matchCountryName, type CountryMatch } from "./match-country-name.js";
export { normalizeCountryName } from "./normalize-country-name.js";
export { UnknownCountries, type UnknownCountry, type UnknownKind } from "./unknown.js";
export { COW_ISO3_RULES, ISO3_ALIASES, canonicalIso3, type CowIso3Rule } from "./rules.js";
export { NAME_ALIASES, YEAR_DEPENDENT_NAMES, type YearSpan } from "./name-aliases.js";
export type { Found } from "./found.js";
