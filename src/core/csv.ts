import { readFileSync } from "node:fs";
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
  /** Accept rows whose field count differs from the header's (the caller checks them). */
  readonly relaxColumnCount?: boolean;
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

/**
 * Parse CSV text (RFC 4180): header, rows, 1-based line numbers, NA tokens, required
 * columns. Handles a BOM, CRLF, quoted fields with `""` and embedded commas or newlines,
 * and skips empty lines. A record spanning several lines is numbered by the line it starts
 * on. A line with a different number of fields from the header (unless `relaxColumnCount`),
 * an unclosed quote, or text after a closing quote is a DataError naming file and line.
 *
 * Written here rather than taken from csv-parse, which is 10-20 times slower on these
 * files (about 1.5 s of the panel's 2 s budget); tests check it against csv-parse.
 */
export function parseCsv(text: string, opts: CsvOptions & { name: string }): CsvTable {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delim = (opts.delimiter ?? ",").charCodeAt(0);
  const records: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let i = 0;
  const n = s.length;
  while (i < n) {
    const startLine = line;
    const row: string[] = [];
    let blank = true;
    for (;;) {
      let field: string;
      if (s.charCodeAt(i) === 34) {
        blank = false;
        let j = i + 1;
        let parts = "";
        for (;;) {
          const q = s.indexOf('"', j);
          if (q < 0) throw new DataError({ file: opts.name, line: startLine }, "well-formed CSV (balanced quotes)", "a quote that is never closed");
          parts += s.slice(j, q);
          if (s.charCodeAt(q + 1) === 34) {
            parts += '"';
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        for (let k = parts.indexOf("\n"); k >= 0; k = parts.indexOf("\n", k + 1)) line++;
        field = parts;
        const c = s.charCodeAt(i);
        if (i < n && c !== delim && c !== 10 && c !== 13) {
          throw new DataError({ file: opts.name, line }, "a delimiter or end of line after a closing quote", JSON.stringify(s.slice(i, i + 10)));
        }
      } else {
        let j = i;
        while (j < n) {
          const c = s.charCodeAt(j);
          if (c === delim || c === 10 || c === 13) break;
          j++;
        }
        field = s.slice(i, j);
        if (field !== "") blank = false;
        i = j;
      }
      row.push(field);
      const c = s.charCodeAt(i);
      if (c === delim) {
        blank = false;
        i++;
        continue;
      }
      if (c === 13) i++;
      if (s.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    if (blank && row.length === 1) continue;
    records.push(row);
    lines.push(startLine);
  }
  if (records.length === 0) throw new DataError({ file: opts.name, line: 1 }, "a header line", "an empty file");
  const header = records[0].map((h) => h.trim());
  for (const col of opts.required ?? []) {
    if (!header.includes(col)) {
      throw new DataError(
        { file: opts.name, line: 1, column: col },
        `a column named "${col}" in the header`,
        `columns ${header.map((h) => JSON.stringify(h)).join(", ")}`,
      );
    }
  }
  for (let r = 1; r < records.length && !opts.relaxColumnCount; r++) {
    if (records[r].length !== header.length) {
      throw new DataError({ file: opts.name, line: lines[r] }, `${header.length} fields as in the header`, `${records[r].length}`);
    }
  }
  return { name: opts.name, header, rows: records.slice(1), lines: lines.slice(1), na: new Set(opts.na ?? ["", "NA"]) };
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

/**
 * Remembers the line each key was first seen on, so a reader can reject a repeated key
 * with an error that names both lines.
 */
export class KeyLines {
  private readonly lines = new Map<string, number>();

  /** The line `key` was first seen on, or undefined the first time (the key is then recorded at `row`'s line). */
  firstLine(key: string, row: CsvRow): number | undefined {
    const first = this.lines.get(key);
    if (first === undefined) this.lines.set(key, row.line);
    return first;
  }
}
