import { baraHultmanPkoSource, readBaraHultman } from "../../sources/bara-hultman-pko.js";

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
  /** Total personnel (persons), from the authors' combined `*_backward` series. */
  readonly total: number;
}

/** The source file read. */
export const NON_UN_SOURCE = baraHultmanPkoSource;

/**
 * Read the Bara-Hultman file (SHA-256 verified) into {@link NonUnMonth} rows. The file
 * repeats an operation-month once per armed conflict in the host (conflictid, episode);
 * the repeats are merged here, keeping the largest total.
 */
export function readNonUnMonths(dataDir: string): NonUnMonth[] {
  const merged = new Map<string, NonUnMonth>();
  for (const r of readBaraHultman(dataDir)) {
    const row: NonUnMonth = {
      ccode: r.ccode,
      year: r.year,
      month: r.month,
      mission: r.mission,
      missionId: r.missionId,
      org: r.org,
      total: r.backward?.total ?? 0,
    };
    const k = `${r.ccode}:${r.missionId}:${r.year}:${r.month}`;
    const prev = merged.get(k);
    if (prev === undefined || row.total > prev.total) merged.set(k, row);
  }
  return [...merged.values()];
}
