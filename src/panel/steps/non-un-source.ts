import { mapCsv } from "../../core/csv.js";
import { baraHultmanPkoSource } from "../../sources/bara-hultman-pko.js";
import { readSourceCsv } from "../../sources/read-source.js";

/** One operation in one host-month (Bara-Hultman), as the non-UN step uses it. */
export interface NonUnMonth {
  /** COW code of the host. */
  readonly ccode: number;
  readonly year: number;
  readonly month: number;
  readonly mission: string;
  /** Bara-Hultman's mission id (one per operation and host). */
  readonly missionId: number;
  /** 1 = UN, 2 and 3 = non-UN (regional organisations; other). */
  readonly org: number;
  /** Total personnel (persons), from the combined `totals_backward` series. */
  readonly total: number;
}

const COLUMNS = ["ccode", "date", "year", "missionid", "mission", "org", "totals_backward"];

/**
 * Read the Bara-Hultman file (SHA-256 verified) into {@link NonUnMonth} rows. The file
 * repeats an operation-month once per armed conflict in the host (conflictid, episode);
 * the repeats are merged here, keeping the largest total.
 */
export function readNonUnMonths(dataDir: string): NonUnMonth[] {
  const table = readSourceCsv(dataDir, baraHultmanPkoSource, { required: COLUMNS });
  const rows = mapCsv(table, (r) => {
    const date = r.reqStr("date");
    const m = /^(\d{4})m(\d{1,2})$/.exec(date);
    if (!m) throw r.error("date", "a month written like 1997m1", JSON.stringify(date));
    return {
      ccode: r.reqInt("ccode"),
      year: Number(m[1]),
      month: Number(m[2]),
      mission: r.reqStr("mission"),
      missionId: r.reqInt("missionid"),
      org: r.reqInt("org"),
      total: r.num("totals_backward") ?? 0,
    };
  });
  const merged = new Map<string, NonUnMonth>();
  for (const r of rows) {
    const k = `${r.ccode}:${r.missionId}:${r.year}:${r.month}`;
    const prev = merged.get(k);
    if (prev === undefined || r.total > prev.total) merged.set(k, r);
  }
  return [...merged.values()];
}
