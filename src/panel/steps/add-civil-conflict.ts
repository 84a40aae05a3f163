import { readUcdpAcd, ucdpAcdSource } from "../../sources/ucdp-acd.js";
import { panelCodes } from "../create-country-years.js";
import type { PanelOptions } from "../options.js";
import { column, rowKey, type ColumnDoc, type Panel } from "../panel.js";
import { applyStep, emptyColumn, type PanelStep, type SourceLoader } from "../pipeline.js";
import { Unplaced } from "./join.js";

/** Years the UCDP/PRIO Armed Conflict Dataset v25.1 covers. */
export const UCDP_YEARS: readonly [number, number] = [1946, 2024];

const ACD =
  "UCDP/PRIO Armed Conflict Dataset v25.1: conflicts of type intrastate or internationalized intrastate (file label II), counted for the government side (gwno_a, Gleditsch-Ward code mapped to COW for the year). A government fighting abroad counts too: the United States from 2001 (conflict 418, internationalized intrastate).";
const BASE = `${ACD} Country-years in 1946-2024 without such a conflict are 0; other years missing.`;

const DOCS: readonly ColumnDoc[] = [
  {
    name: "civil_conflict",
    type: "binary",
    description: "Ongoing civil conflict (at least 25 battle-related deaths in the year) with the state's government as a party.",
    unit: "0/1",
    sources: [ucdpAcdSource.id],
    derivation: BASE,
  },
  {
    name: "civil_war",
    type: "binary",
    description: "Ongoing civil war: a civil conflict at war intensity (1,000 or more battle-related deaths in the year).",
    unit: "0/1",
    sources: [ucdpAcdSource.id],
    derivation: `${BASE} 1 when any such conflict has intensity_level 2.`,
  },
  {
    name: "civil_conflict_intensity",
    type: "integer",
    description: "Highest intensity of the state's civil conflicts in the year: 0 none, 1 minor (25-999 deaths), 2 war (1,000+).",
    unit: "0/1/2",
    sources: [ucdpAcdSource.id],
    derivation: `${BASE} Maximum intensity_level over the year's civil conflicts.`,
  },
  {
    name: "years_since_civil_conflict",
    type: "integer",
    description: "Years since the state's last civil conflict year (0 during a conflict year).",
    unit: "years",
    sources: [ucdpAcdSource.id, "cow_gw_state_year"],
    derivation: `${ACD} Year minus the latest civil conflict year up to and including this year; with none since 1946, years since the later of 1946 and the state's first year in the COW system. Missing outside 1946-2024.`,
  },
];

/** Civil conflict from UCDP/PRIO: `civil_conflict`, `civil_war`, `civil_conflict_intensity`, `years_since_civil_conflict`. */
export const civilConflictStep: PanelStep = {
  name: "addCivilConflict",
  requires: ["ccode", "year"],
  produces: DOCS.map((d) => d.name),
  docs: () => DOCS,
  compute(panel, ctx) {
    const { sources } = ctx;
    const codes = panelCodes(sources);
    const unplaced = new Unplaced();
    // Repeated rows of one conflict-year (one per side state) need no merging here: each only marks its side A.
    const rows = sources.load("ucdp_acd", [ucdpAcdSource], readUcdpAcd);
    const intensity = new Map<number, number>();
    const conflictYears = new Map<number, number[]>();
    for (const r of rows) {
      if (!r.isCivil) continue;
      for (const gw of r.gwnoA) {
        const c = codes.gwToCow(gw, r.year);
        if (c === null) {
          if (r.year >= panel.meta.years[0] && r.year <= panel.meta.years[1]) unplaced.add(`GW ${gw} ${r.year}`);
          continue;
        }
        const k = rowKey(c, r.year);
        intensity.set(k, Math.max(intensity.get(k) ?? 0, r.intensityLevel));
        const ys = conflictYears.get(c) ?? [];
        ys.push(r.year);
        conflictYears.set(c, ys);
      }
    }
    unplaced.report(ctx, `civil conflict-years of ${ucdpAcdSource.file}`, "name a government side with no COW code that year");
    const firstYear = new Map<number, number>();
    for (const s of codes.cowStateYears(UCDP_YEARS[0], UCDP_YEARS[1])) {
      if (!firstYear.has(s.ccode) || s.year < firstYear.get(s.ccode)!) firstYear.set(s.ccode, s.year);
    }
    const n = panel.nrows;
    const cc = column(panel, "ccode") as readonly number[];
    const yr = column(panel, "year") as readonly number[];
    const out = {
      civil_conflict: emptyColumn(n),
      civil_war: emptyColumn(n),
      civil_conflict_intensity: emptyColumn(n),
      years_since_civil_conflict: emptyColumn(n),
    };
    for (let i = 0; i < n; i++) {
      const y = yr[i];
      if (y < UCDP_YEARS[0] || y > UCDP_YEARS[1]) continue;
      const level = intensity.get(rowKey(cc[i], y)) ?? 0;
      out.civil_conflict[i] = level > 0 ? 1 : 0;
      out.civil_war[i] = level === 2 ? 1 : 0;
      out.civil_conflict_intensity[i] = level;
      let last: number | null = null;
      for (const cy of conflictYears.get(cc[i]) ?? []) if (cy <= y && (last === null || cy > last)) last = cy;
      out.years_since_civil_conflict[i] = last !== null ? y - last : y - Math.max(UCDP_YEARS[0], firstYear.get(cc[i]) ?? y);
    }
    return out;
  },
};

/** Add the civil conflict columns. */
export function addCivilConflict(panel: Panel, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  return applyStep(panel, civilConflictStep, input, overrides);
}
