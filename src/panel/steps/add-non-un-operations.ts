import { baraHultmanPkoSource } from "../../sources/bara-hultman-pko.js";
import type { PanelOptions, ResolvedPanelOptions } from "../options.js";
import { column, rowIndex, rowKey, type ColumnDoc, type Panel } from "../panel.js";
import { applyStep, emptyColumn, type PanelStep, type SourceLoader } from "../pipeline.js";
import { Unplaced } from "./join.js";
import { readNonUnMonths, type NonUnMonth } from "./non-un-source.js";
import { KOSOVO_MISSIONS, kosovoHost, missionKey } from "./un-hosts.js";

/** Organisation types the non-UN columns separate. */
export type NonUnType = "nato" | "eu" | "regional" | "single_state";

/** Missions by organisation type; other missions fall back on Bara-Hultman's `org` (2 regional, 3 single state). */
export const NON_UN_TYPES: Readonly<Record<string, NonUnType>> = Object.fromEntries([
  ...["IFOR", "SFOR", "KFOR", "ISAF", "RSM", "NATO FOX", "NATO ALLIED H.", "NATO HARVEST"].map((m) => [m, "nato"]),
  ...["EU ARTEMIS", "EUAM", "EUCAP SAHEL", "EUFOR", "EUFOR ALTHEA", "EUFOR RCA", "EULEX", "EUMAM RCA", "EUPAT", "EUPOL",
    "EUPOL COPPS", "EUPOL DRC", "EUPOL KINSHASA", "EUTM", "EUTM RCA", "WEUPF"].map((m) => [m, "eu"]),
  ...["OP. LICORNE", "OP. SANGARIS", "OP. SERVAL", "TURQUOISE", "UNITAF", "UPHOLD DEM.", "INTERFET", "ISF", "MIFH", "SAPD",
    "PMG", "TMG", "SPPKF LAGOON", "IMT I", "IMT II", "JCC", "CPDTF"].map((m) => [m, "single_state"]),
  ...["AFISMA", "AMIB", "AMIS", "AMISEC", "AMISOM", "CEMAC", "CIS", "CIS JPKF", "CIS PKO", "ECOMIB", "ECOMIL", "ECOMOG",
    "ECOWAS", "MAES", "MICOPAX", "MIOB", "MIOC", "MISCA", "NMOG", "OAU", "OAU JMC"].map((m) => [m, "regional"]),
]) as Record<string, NonUnType>;

/** The organisation type of a non-UN mission. */
export function nonUnType(m: Pick<NonUnMonth, "mission" | "org">): NonUnType {
  return NON_UN_TYPES[missionKey(m.mission)] ?? (m.org === 2 ? "regional" : "single_state");
}

/** Years Bara and Hultman's data cover. */
export const NON_UN_YEARS: readonly [number, number] = [1993, 2016];

const COLS = ["nonun_total", "nonun_nato", "nonun_eu", "nonun_regional", "nonun_single_state", "nonun_any", "nonun_missions"] as const;

function docs(o: ResolvedPanelOptions): ColumnDoc[] {
  const base =
    "Bara and Hultman's mission-month data on peace operations in conflict countries (1993-2016), non-UN operations (org 2 and 3), personnel from its combined series (troops/police/observers/totals_backward). " +
    `KFOR and EULEX are placed by option kosovo = ${o.kosovo}. Country-years in 1993-2016 without a non-UN operation in the data are 0 (the data list operations in conflict countries only); other years are missing.`;
  const mean = (which: string): string => `${base} Sum of ${which} personnel per month, averaged over the 12 months of the year.`;
  const d = (name: string, description: string, unit: string, derivation: string, type: ColumnDoc["type"] = "number"): ColumnDoc => ({
    name, type, description, unit, sources: [baraHultmanPkoSource.id], derivation,
  });
  return [
    d("nonun_total", "Personnel of non-UN peace operations (NATO, EU, regional organisations, single states and their coalitions): mean of monthly counts.", "persons (mean over months)", mean("all non-UN")),
    d("nonun_nato", "Personnel of NATO operations (IFOR, SFOR, KFOR, ISAF, Resolute Support, Macedonia operations).", "persons (mean over months)", mean("NATO")),
    d("nonun_eu", "Personnel of EU (and WEU) operations: EUFOR, EUPOL, EULEX, EUTM, EUCAP, Artemis, ...", "persons (mean over months)", mean("EU/WEU")),
    d("nonun_regional", "Personnel of other regional organisations' operations: AU/OAU, ECOWAS/ECOMOG, CEMAC/ECCAS, CIS, ...", "persons (mean over months)", mean("other regional-organisation")),
    d("nonun_single_state", "Personnel of operations by single states or coalitions led by one state (Licorne, Serval, Sangaris, Turquoise, UNITAF, INTERFET, ...).", "persons (mean over months)", mean("single-state and lead-nation coalition")),
    d("nonun_any", "Any non-UN peace operation personnel present during the year.", "0/1", `${base} 1 when any month has non-UN personnel > 0.`, "binary"),
    d("nonun_missions", "Number of distinct non-UN operations with personnel in the country during the year.", "operations", `${base} Distinct mission names with personnel > 0.`, "integer"),
  ];
}

/** Non-UN peace operations by organisation type (Bara-Hultman). */
export const nonUnOperationsStep: PanelStep = {
  name: "addNonUnOperations",
  requires: ["ccode", "year"],
  produces: COLS,
  docs,
  compute(panel, ctx) {
    const { options, sources } = ctx;
    const rows = sources.load("bara_hultman_pko", [baraHultmanPkoSource], readNonUnMonths);
    const sums = new Map<number, Record<NonUnType | "total", number>>();
    const missions = new Map<number, Set<string>>();
    for (const r of rows) {
      if (r.org === 1 || r.total <= 0) continue;
      const ccode = KOSOVO_MISSIONS.has(missionKey(r.mission)) ? kosovoHost(r.year, options.kosovo) : r.ccode;
      const k = rowKey(ccode, r.year);
      const s = sums.get(k) ?? { total: 0, nato: 0, eu: 0, regional: 0, single_state: 0 };
      s.total += r.total;
      s[nonUnType(r)] += r.total;
      sums.set(k, s);
      const ms = missions.get(k) ?? new Set<string>();
      ms.add(r.mission);
      missions.set(k, ms);
    }
    const n = panel.nrows;
    const out: Record<string, (number | null)[]> = {};
    for (const c of COLS) out[c] = emptyColumn(n);
    const idx = rowIndex(panel);
    const unplaced = new Unplaced();
    for (const [k, ms] of missions) {
      const year = k % 10000;
      if (idx.has(k) || year < panel.meta.years[0] || year > panel.meta.years[1]) continue;
      for (const m of ms) unplaced.add(`${m} in ${Math.floor(k / 10000)} ${year}`);
    }
    unplaced.report(ctx, "non-UN operation-years", "are in a host that is not a COW state that year and are left out");
    const cc = column(panel, "ccode") as readonly number[];
    const yr = column(panel, "year") as readonly number[];
    for (let i = 0; i < n; i++) {
      if (yr[i] < NON_UN_YEARS[0] || yr[i] > NON_UN_YEARS[1]) continue;
      const k = rowKey(cc[i], yr[i]);
      const s = sums.get(k);
      out.nonun_total[i] = (s?.total ?? 0) / 12;
      out.nonun_nato[i] = (s?.nato ?? 0) / 12;
      out.nonun_eu[i] = (s?.eu ?? 0) / 12;
      out.nonun_regional[i] = (s?.regional ?? 0) / 12;
      out.nonun_single_state[i] = (s?.single_state ?? 0) / 12;
      out.nonun_any[i] = s !== undefined && s.total > 0 ? 1 : 0;
      out.nonun_missions[i] = missions.get(k)?.size ?? 0;
    }
    return out;
  },
};

/** Add non-UN operations (`nonun_*`). Option used: `kosovo`. */
export function addNonUnOperations(panel: Panel, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  return applyStep(panel, nonUnOperationsStep, input, overrides);
}
