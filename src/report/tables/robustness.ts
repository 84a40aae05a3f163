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
  const fe: RobustnessResult[] = [];
  let nonConverged = false;
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
      coef.push(`${num(c.coefficient.estimate, digits)}${c.converged ? stars(c.coefficient.p_value) : " (n.c.)"}`);
      if (!c.converged) nonConverged = true;
      se.push(`(${num(c.coefficient.std_error, digits)}) N=${int(c.informative ? c.informative.rows : c.nobs)}`);
      if (c.note) notes.push(`${r.variant.label}, ${id}: ${c.note}`);
    }
    rows.push({ kind: "coef", label: r.variant.label, cells: coef });
    if (r.cells.some((c) => c.informative !== null)) fe.push(r);
    rows.push({ kind: "se", label: "", cells: se });
  }
  return {
    id: "robustness",
    title: "Robustness: the coefficient each model is judged by, under each check",
    header: ids.map((id) => COLUMN_TITLES[id] ?? id),
    subheader: null,
    rows,
    notes: [
      "Each cell: the deployment-size coefficient (M1, M4) or the interaction coefficient (M2, M3); standard error in parentheses and N" +
        (fe.length > 0 ? " (for conditional logit, the country-years of countries whose status changes, which alone identify it)." : "."),
      ...results.map((r) => `${r.variant.label}: ${r.variant.note}`),
      ...(nonConverged ? ["n.c.: the estimator did not converge; the estimate is shown without stars and should not be trusted."] : []),
      ...dedupeNotes(notes).map((n) => n.replace(/\bccode groups\b/g, "countries")),
      STARS_NOTE,
    ],
  };
}

/** Merge notes that differ only in the model id: "X, M1: msg" + "X, M2: msg" -> "X, M1, M2: msg". */
function dedupeNotes(notes: readonly string[]): string[] {
  const merged = new Map<string, string[]>();
  for (const n of notes) {
    const m = /^(.*), (M\d+): (.*)$/.exec(n);
    const key = m ? `${m[1]}\u0000${m[3]}` : n;
    const ids = merged.get(key) ?? [];
    if (m) ids.push(m[2]);
    merged.set(key, ids);
  }
  return [...merged.entries()].map(([key, ids]) => {
    const [label, msg] = key.split("\u0000");
    return msg === undefined ? label : `${label}, ${ids.join(", ")}: ${msg}`;
  });
}
