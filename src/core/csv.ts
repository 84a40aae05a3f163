import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { DataError, quote } from "./errors.js";

/** How a CSV file is read. */
export interface CsvOptions {
  /** Name used in error messages, e.g. `trafficking/HTI.csv`. Defaults to the path. */
  readonly name?: string;
  /** Byte encoding; HTI.csv needs `latin1`. Default `utf8`. */
  readonly encoding?: "utf8" | "latin1";
  /** Columns that must be present in the header (a missing one is an error naming it). */
  readonly required?: readonly string[];
  /** Tokens read as missing. Default: empty string and `NA`. */
  readonly na?: readonly string[];
  /** Field delimiter. Default `,`. */
  readonly delimiter?: string;
}

/** A parsed CSV file: header and raw string cells, with each record's line number. */
export interface CsvTable {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** 1-based line number (counting the header as line 1) of each row. */
  readonly lines: readonly number[];
  readonly na: ReadonlySet<string>;
}

/** Read and parse a CSV file; errors name the file and line. */
export function readCsv(path: string, opts: CsvOptions = {}): CsvTable {
  const name = opts.name ?? path;
  const text = readFileSync(path, opts.encoding ?? "utf8");
  return parseCsv(text, { ...opts, name });
}

/** Parse CSV text (see {@link readCsv}). */
export function parseCsv(text: string, opts: CsvOptions & { name: string }): CsvTable {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      delimiter: opts.delimiter ?? ",",
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    const e = err as { lines?: number; message: string; code?: string };
    throw new DataError(
      { file: opts.name, line: e.lines },
      "well-formed CSV (same number of fields on every line, balanced quotes)",
      (e.code ?? e.message).toString(),
    );
  }
  if (records.length === 0) throw new DataError({ file: opts.name, line: 1 }, "a header line", "an empty file");
  const header = records[0].record.map((h) => h.trim());
  for (const col of opts.required ?? []) {
    if (!header.includes(col)) {
      throw new DataError(
        { file: opts.name, line: 1, column: col },
        `a column named "${col}" in the header`,
        `columns ${header.map((h) => JSON.stringify(h)).join(", ")}`,
      );
    }
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = 1; i < records.length; i++) {
    rows.push(records[i].record);
    lines.push(records[i].info.lines);
  }
  return { name: opts.name, header, rows, lines, na: new Set(opts.na ?? ["", "NA"]) };
}

/** Typed access to the cells of one CSV row; every failure names file, line and column. */
export class CsvRow {
  constructor(
    private readonly table: CsvTable,
    private readonly index: number,
    private readonly cols: ReadonlyMap<string, number>,
  ) {}

  get line(): number {
    return this.table.lines[this.index];
  }

  /** The raw cell, or undefined if the column does not exist in this file. */
  raw(col: string): string | undefined {
    const j = this.cols.get(col);
    return j === undefined ? undefined : this.table.rows[this.index][j];
  }

  private cell(col: string): string {
    const v = this.raw(col);
    if (v === undefined) throw this.error(col, `a column named "${col}"`);
    return v;
  }

  /** Raise a DataError at this row and column. */
  error(col: string, expected: string, found?: string): DataError {
    return new DataError({ file: this.table.name, line: this.line, column: col }, expected, found);
  }

  isNa(col: string): boolean {
    return this.table.na.has(this.cell(col).trim());
  }

  /** A string (trimmed); missing tokens give null. */
  str(col: string): string | null {
    const v = this.cell(col).trim();
    return this.table.na.has(v) ? null : v;
  }

  /** A non-missing string. */
  reqStr(col: string): string {
    const v = this.str(col);
    if (v === null) throw this.error(col, "a value", "a missing value");
    return v;
  }

  /**
   * A number; missing tokens (and any `extraNa` such as -999) give null.
   * `decimalComma` accepts `12,5`.
   */
  num(col: string, opts: { extraNa?: readonly number[]; decimalComma?: boolean } = {}): number | null {
    let v = this.cell(col).trim();
    if (this.table.na.has(v)) return null;
    if (opts.decimalComma) v = v.replace(",", ".");
    if (!NUMBER.test(v)) throw this.error(col, "a number", quote(v));
    const x = Number(v);
    if (opts.extraNa?.includes(x)) return null;
    return x;
  }

  /** A non-missing number. */
  reqNum(col: string, opts: { decimalComma?: boolean } = {}): number {
    const v = this.num(col, opts);
    if (v === null) throw this.error(col, "a number", "a missing value");
    return v;
  }

  /** An integer (missing gives null). */
  int(col: string, opts: { extraNa?: readonly number[] } = {}): number | null {
    const v = this.num(col, opts);
    if (v !== null && !Number.isInteger(v)) throw this.error(col, "an integer", quote(this.cell(col).trim()));
    return v;
  }

  /** A non-missing integer. */
  reqInt(col: string): number {
    const v = this.int(col);
    if (v === null) throw this.error(col, "an integer", "a missing value");
    return v;
  }

  /** One of a fixed set of labels (after trimming); missing gives null. */
  oneOf<T extends string>(col: string, values: readonly T[]): T | null {
    const v = this.str(col);
    if (v === null) return null;
    if (!(values as readonly string[]).includes(v)) throw this.error(col, values.join("/"), quote(v));
    return v as T;
  }
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Iterate the rows of a table with typed accessors. */
export function* csvRows(table: CsvTable): Generator<CsvRow> {
  const cols = new Map(table.header.map((h, j) => [h, j] as const));
  for (let i = 0; i < table.rows.length; i++) yield new CsvRow(table, i, cols);
}

/** Map each row of a CSV file through `fn`; rows for which `fn` returns null are skipped. */
export function mapCsv<T>(table: CsvTable, fn: (row: CsvRow) => T | null): T[] {
  const out: T[] = [];
  for (const row of csvRows(table)) {
    const v = fn(row);
    if (v !== null) out.push(v);
  }
  return out;
}
