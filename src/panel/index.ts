/** The country-year panel: createCountryYears() then add*() steps, invariants, codebook and writers. */
export { buildPanel, buildPanelFrom, PANEL_STEPS, panelColumnNames } from "./build.js";
export { createCountryYears, KEY_DOCS } from "./create-country-years.js";
export { addUnPeacekeeping, unPeacekeepingStep } from "./steps/add-un-peacekeeping.js";
export { addNonUnOperations, nonUnOperationsStep, nonUnType, NON_UN_TYPES, type NonUnType } from "./steps/add-non-un-operations.js";
export { addWomenInMissions, womenInMissionsStep } from "./steps/add-women-in-missions.js";
export { addContributorProfile, contributorProfileStep, hostContributorMonths, type HostContributorMonth } from "./steps/add-contributor-profile.js";
export { addTrafficking, traffickingStep, codeHtiLabel, calendarYearOfReport } from "./steps/add-trafficking.js";
export { addTipTier, tipTierStep } from "./steps/add-tip-tier.js";
export { addPolicyIndex3p, policyIndex3pStep } from "./steps/add-policy-index-3p.js";
export { addUsTroops, usTroopsStep } from "./steps/add-us-troops.js";
export { addEconomy, economyStep } from "./steps/add-economy.js";
export { addDemocracy, democracyStep } from "./steps/add-democracy.js";
export { addCivilConflict, civilConflictStep } from "./steps/add-civil-conflict.js";
export { aggregateUnHostYears, monthIndex, type HostMissionMonth, type UnHostYear } from "./steps/un-aggregate.js";
export { kosovoHost } from "./steps/un-hosts.js";
export { allocate, checkConserves, AREA_RULES, type Allocation, type AllocationBasis, type HostShare } from "./steps/un-allocation.js";
export { MISSION_LINEAGES, lineageOf, type MissionLineage } from "./steps/un-lineage.js";
export {
  DEFAULT_OPTIONS, OPTION_CHOICES, DATA_YEARS, resolveOptions, checkColumnSelection, parseYearRange,
  type PanelOptions, type ResolvedPanelOptions, type UnSource, type MultiHost, type KosovoPlacement,
  type NoMentionCoding, type ReportAlignment, type UsTroopsSeries, type GdpSource,
} from "./options.js";
export {
  KEY_COLUMNS, column, numericColumn, columnNames, toRows, toJson, rowIndex, rowKey, selectColumns,
  type Panel, type PanelMeta, type PanelColumn, type ColumnDoc, type ColumnType, type Cell, type PanelRow, type PanelJson,
} from "./panel.js";
export { applyStep, runSteps, checkPipeline, SourceLoader, PipelineError, type PanelStep, type StepContext, type StepSources } from "./pipeline.js";
export { findDuplicates, checkInvariants, PanelInvariantError, type DuplicateKey } from "./validate.js";
export { codebookMarkdown, coverage, type Coverage } from "./codebook.js";
export { writePanel, panelCsv, panelParquet, provenance, formatNumber, PANEL_FILES, type Provenance } from "./write.js";
