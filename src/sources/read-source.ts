import { parseCsv, type CsvOptions, type CsvTable } from "../core/csv.js";
import type { SourceDef } from "./source.js";
import { readVerified } from "./verify.js";

/**
 * Read a source's CSV file from the data directory after verifying its SHA-256.
 * Error messages name the file by its path in the data directory (e.g. `trafficking/HTI.csv`).
 */
export function readSourceCsv(dataDir: string, src: SourceDef, opts: Omit<CsvOptions, "name"> = {}): CsvTable {
  const text = readVerified(dataDir, src).toString(opts.encoding ?? "utf8");
  return parseCsv(text, { ...opts, name: src.file });
}
