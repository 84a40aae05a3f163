import type { RobustnessResult } from "../../study/run.js";
import { int, num, stars, STARS_NOTE, type TableModel, type TableRow } from "./model.js";

/** Column titles of the robustness table, keyed by model id. */
const COLUMN_TITLES: Record<string, string> = {
  M1: "M1 size",
  M2: "M2 size x duration",
  M3: "M3 size x TCCs",
  M4: "M4 US troops",
};

/**
 * The robustness table: one row pair per check (coefficient with stars, then standard
 * error and N), one column per model showing the coefficient that model is judged by.
 * A model that could not be estimated shows "n/a" and the reason goes in the notes.
 */
export function robustnessTable(results: readonly RobustnessResult[], digits = 3): TableModel {
  const ids = [...new Set(results.flatMap((r) => r.cells.map((c) => c.model)))];
  const rows: TableRow[] = [];
  const notes: string[] = [];
  for (const r of results) {
    const byModel = new Map(r.cells.map((c) => [c.model, c]));
    const coef: string[] = [];
    const se: string[] = [];
    for (const id of ids) {
      const c = byModel.get(id);
      if (!c || c.coefficient === null) {
        coef.push("n/a");
        se.push("");
        if (c?.note) notes.push(`${r.variant.label}, ${id}: ${c.note}`);
        continue;
      }
      coef.push(`${num(c.coefficient.estimate, digits)}${stars(c.coefficient.p_value)}`);
      se.push(`(${num(c.coefficient.std_error, digits)}) N=${int(c.nobs)}`);
      if (c.note) notes.push(`${r.variant.label}, ${id}: warnings: ${c.note}`);
    }
    rows.push({ kind: "coef", label: r.variant.label, cells: coef });
    rows.push({ kind: "se", label: "", cells: se });
  }
  return {
    id: "robustness",
    title: "Robustness: the coefficient each model is judged by, under each check",
    header: ids.map((id) => COLUMN_TITLES[id] ?? id),
    subheader: null,
    rows,
    notes: [
      "Each cell: the deployment-size coefficient (M1, M4) or the interaction coefficient (M2, M3); standard error in parentheses and N.",
      ...results.map((r) => `${r.variant.label}: ${r.variant.note}`),
      ...notes,
      STARS_NOTE,
    ],
  };
}
