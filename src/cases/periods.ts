/**
 * Deployment periods and the before/during/after table: pure functions on yearly
 * values, so they can be tested on small fixtures with known answers.
 */

/** A run of consecutive years with personnel > 0. */
export interface Spell {
  readonly start: number;
  readonly end: number;
  /** Largest yearly personnel in the run (persons). */
  readonly peak: number;
  readonly peakYear: number;
}

/** The deployment a case is judged by, and every spell in the window. */
export interface Deployment extends Spell {
  readonly spells: readonly Spell[];
}

/** One year as the period functions read it: personnel and any indicators by name. */
export interface PeriodYear {
  readonly year: number;
  /** UN + non-UN personnel; null = no source covers the year (ends a run). */
  readonly personnel: number | null;
  readonly values: Readonly<Record<string, number | null>>;
}

/**
 * The case's deployment: the spells are the maximal runs of consecutive years with
 * personnel > 0 (a year with 0 or with no data ends a run); the deployment is the spell
 * with the largest peak (the earliest on a tie). Null when no year has personnel.
 */
export function deploymentOf(years: readonly PeriodYear[]): Deployment | null {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const spells: Spell[] = [];
  let cur: { start: number; end: number; peak: number; peakYear: number } | null = null;
  for (const y of sorted) {
    const on = y.personnel !== null && y.personnel > 0;
    if (on && cur !== null && y.year === cur.end + 1) {
      cur.end = y.year;
      if (y.personnel! > cur.peak) {
        cur.peak = y.personnel!;
        cur.peakYear = y.year;
      }
      continue;
    }
    if (cur !== null) spells.push(cur);
    cur = on ? { start: y.year, end: y.year, peak: y.personnel!, peakYear: y.year } : null;
  }
  if (cur !== null) spells.push(cur);
  if (spells.length === 0) return null;
  let main = spells[0];
  for (const s of spells) if (s.peak > main.peak) main = s;
  return { ...main, spells: spells.map((s) => ({ ...s })) };
}

/** Summary of one indicator over one period. */
export interface PeriodCell {
  /** Mean over the period's years with data; null when none has data. */
  readonly mean: number | null;
  /** Years with data. */
  readonly n: number;
  /** First and last year of the period (null when the period is empty in the window). */
  readonly span: readonly [number, number] | null;
}

/** One row of the before/during/after table. */
export interface PeriodRow {
  readonly indicator: string;
  readonly before: PeriodCell;
  readonly during: PeriodCell;
  readonly after: PeriodCell;
  /** during.mean - before.mean, when both exist. */
  readonly changeDuring: number | null;
  /** after.mean - during.mean, when both exist. */
  readonly changeAfter: number | null;
}

function cell(years: readonly PeriodYear[], key: string): PeriodCell {
  if (years.length === 0) return { mean: null, n: 0, span: null };
  const vals = years.map((y) => y.values[key]).filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  return {
    mean: vals.length ? vals.reduce((s, v) => s + v, 0) / vals.length : null,
    n: vals.length,
    span: [years[0].year, years[years.length - 1].year],
  };
}

/**
 * The before/during/after table: for each indicator, its mean over the window's years
 * before the deployment's first year, from its first to its last year, and after its
 * last year, with the number of years that have data. Without a deployment every year
 * counts as "before".
 */
export function periodTable(years: readonly PeriodYear[], dep: Pick<Spell, "start" | "end"> | null, indicators: readonly string[]): PeriodRow[] {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const before = sorted.filter((y) => dep === null || y.year < dep.start);
  const during = dep === null ? [] : sorted.filter((y) => y.year >= dep.start && y.year <= dep.end);
  const after = dep === null ? [] : sorted.filter((y) => y.year > dep.end);
  return indicators.map((k) => {
    const b = cell(before, k);
    const d = cell(during, k);
    const a = cell(after, k);
    return {
      indicator: k,
      before: b,
      during: d,
      after: a,
      changeDuring: b.mean !== null && d.mean !== null ? d.mean - b.mean : null,
      changeAfter: a.mean !== null && d.mean !== null ? a.mean - d.mean : null,
    };
  });
}
