import { KeyLines, mapCsv, parseCsv, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import { stateYearKey } from "./state-year-key.js";
import type { SourceDef } from "./source.js";

/** COW state-year regime measures 1816-2025: extended UDS (euds, aeuds), Polity5 polity2 (ends 2018), V-Dem v2x_polyarchy (v16) */
export const democracySource: SourceDef = {
  id: "democracy",
  file: "controls/isard_cw_democracy.csv",
  sha256: "e21dea3a26d68e974d601bfb8f0a64cce174cb6cbb23a18003afb734df46bda8",
  bytes: 940135,
  url: null,
  what: "COW state-year regime measures 1816-2025: extended UDS (euds, aeuds), Polity5 polity2 (ends 2018), V-Dem v2x_polyarchy (v16)",
  citation: "Miller, Steven V. isard (R package, v0.2.0); see also Miller 2022, peacesciencer, Conflict Management and Peace Science 39(6): 755-779. Marquez 2016 (SSRN 2753830); Marshall 2020 Polity5; Coppedge et al. V-Dem v16.",
  license: "GPL-2 package; V-Dem CC BY-SA 4.0",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};

/** Regime measures for one COW state-year (missing measures are null). */
export interface DemocracyRow {
  readonly ccode: number;
  readonly year: number;
  /** Extended Unified Democracy Score (Marquez), latent scale centred near 0; higher = more democratic. */
  readonly euds: number | null;
  /** Alternative extended UDS (Marquez), same scale. */
  readonly aeuds: number | null;
  /** Polity5 polity2, integer -10 (autocracy) .. 10 (democracy); ends 2018 (one state has 2019-20). */
  readonly polity2: number | null;
  /** V-Dem electoral democracy index, 0..1. */
  readonly v2xPolyarchy: number | null;
}

const COLUMNS = ["ccode", "year", "euds", "aeuds", "polity2", "v2x_polyarchy"];

/** Parse the democracy CSV text. */
export function parseDemocracy(text: string, name = democracySource.file): DemocracyRow[] {
  return democracyRows(parseCsv(text, { name, required: COLUMNS }));
}

/** Read the democracy file from the data directory (SHA-256 verified). */
export function readDemocracy(dataDir: string): DemocracyRow[] {
  return democracyRows(readSourceCsv(dataDir, democracySource, { required: COLUMNS }));
}

function democracyRows(table: CsvTable): DemocracyRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (r) => {
    const { ccode, year } = stateYearKey(r, keys);
    const polity2 = r.int("polity2");
    if (polity2 !== null && (polity2 < -10 || polity2 > 10)) throw r.error("polity2", "an integer -10..10", quote(polity2));
    const v2xPolyarchy = r.num("v2x_polyarchy");
    if (v2xPolyarchy !== null && (v2xPolyarchy < 0 || v2xPolyarchy > 1)) throw r.error("v2x_polyarchy", "a number 0..1", quote(v2xPolyarchy));
    return { ccode, year, euds: r.num("euds"), aeuds: r.num("aeuds"), polity2, v2xPolyarchy };
  });
}
