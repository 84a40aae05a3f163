/**
 * Errors the program raises on purpose. Every message says what went wrong, where,
 * and (where it helps) what to do. The CLI prints `message` alone and exits non-zero.
 */
export class PktError extends Error {
  override name = "PktError";
}

/** Where in a file a bad value sits. `line` is 1-based and counts the header line. */
export interface DataLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
}

/**
 * A problem with an input file: a bad value, a missing column, a wrong hash.
 * Message form: `HTI.csv line 812, column pdest: expected Yes/No mention/No, got "Yse"`.
 */
export class DataError extends PktError {
  override name = "DataError";
  readonly file: string;
  readonly line: number | undefined;
  readonly column: string | undefined;
  readonly expected: string;
  readonly found: string | undefined;

  constructor(where: DataLocation, expected: string, found?: string) {
    super(formatDataError(where, expected, found));
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.expected = expected;
    this.found = found;
  }
}

function formatDataError(where: DataLocation, expected: string, found?: string): string {
  let at = where.file;
  if (where.line !== undefined) at += ` line ${where.line}`;
  if (where.column !== undefined) at += `${where.line !== undefined ? "," : ""} column ${where.column}`;
  const got = found === undefined ? "" : `, got ${found}`;
  return `${at}: expected ${expected}${got}`;
}

/** A bad option or argument given by the user (unknown source, year out of range, ...). */
export class OptionError extends PktError {
  override name = "OptionError";
}

/** Quote a found value for an error message, shortened if long. */
export function quote(value: unknown): string {
  const s = String(value);
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

/**
 * A problem in a file the user gave on the command line, located as editors and compilers
 * do: `data.csv:3:7: expected UTF-8 text, found byte 0xE9`. `line` and `column` are 1-based
 * (the column counts characters); either may be left out.
 */
export class InputError extends PktError {
  override name = "InputError";
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`${file}${line === undefined ? "" : `:${line}`}${line !== undefined && column !== undefined ? `:${column}` : ""}: expected ${expected}, found ${found}`);
  }
}
