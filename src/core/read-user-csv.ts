import { readFileSync, statSync } from "node:fs";
import { DataError, InputError, OptionError } from "./errors.js";
import { parseCsv, type CsvTable } from "./csv.js";

/** Line (1-based) and character column (1-based) of byte offset `at` in UTF-8 bytes. */
function position(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1, column = 1;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 10) {
      line++;
      column = 1;
    } else if ((bytes[i] & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number, min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n) return i;
    let cp = c & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const hex = (x: number): string => `0x${x.toString(16).toUpperCase().padStart(2, "0")}`;

/** Text of a snippet around an offending byte, with Latin-1 as a guess of what was meant. */
function latin1Snippet(b: Uint8Array, at: number): string {
  let s = at;
  while (s > 0 && b[s - 1] !== 10 && b[s - 1] !== 44 && at - s < 20) s--;
  let e = at + 1;
  while (e < b.length && b[e] !== 10 && b[e] !== 13 && b[e] !== 44 && e - at < 20) e++;
  return JSON.stringify(Buffer.from(b.subarray(s, e)).toString("latin1"));
}

/**
 * Read the CSV file behind a command-line flag (`pkt fit --data FILE`). Every problem is
 * one line naming the flag or `file:line:column`: a missing file, a directory, `-`; a Stata
 * .dta, UTF-16 or other binary file; bytes that are not UTF-8 (a Latin-1 "Café" would
 * otherwise become a different level from a UTF-8 one); a semicolon- or tab-delimited
 * header; an empty or repeated column name; rows with the wrong number of fields.
 */
export function readUserCsv(flag: string, path: string): CsvTable {
  if (path === "-") throw new OptionError(`${flag} -: expected a CSV file path, found "-" (reading standard input is not supported; save the data to a file)`);
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new OptionError(`${flag} ${path}: expected a CSV file, found ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "a file that cannot be read (permission denied)" : `an error (${code})`}`);
  }
  if (isDir) throw new OptionError(`${flag} ${path}: expected a CSV file, found a directory`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new OptionError(`${flag} ${path}: expected a readable CSV file, found ${(err as { code?: string }).code ?? "an error"}`);
  }
  const head = Buffer.from(bytes.subarray(0, 16)).toString("latin1");
  if (/\.dta$/i.test(path) || head.startsWith("<stata_dta>") || (bytes.length > 4 && bytes[0] >= 0x66 && bytes[0] <= 0x73 && (bytes[1] === 1 || bytes[1] === 2) && bytes[2] === 1)) {
    throw new InputError(path, 1, 1, "CSV text", "a Stata .dta file; export it as CSV first (Stata: export delimited; R: write.csv(haven::read_dta(...)))");
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(path, 1, 1, "UTF-8 text", `UTF-16 text (byte order mark ${hex(bytes[0])} ${hex(bytes[1])}); save the file as UTF-8`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const p = position(bytes, nul);
    const utf16 = nul <= 1 || bytes[nul + 2] === 0;
    throw new InputError(path, p.line, p.column, "UTF-8 text", utf16 ? "UTF-16 text (NUL bytes between characters); save the file as UTF-8" : "a NUL byte (binary data, not CSV)");
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const p = position(bytes, bad);
    throw new InputError(path, p.line, p.column, "UTF-8 text", `byte ${hex(bytes[bad])}, which is not UTF-8 (read as Latin-1: ${latin1Snippet(bytes, bad)}); save the file as UTF-8`);
  }
  const text = Buffer.from(bytes).toString("utf8");
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0];
  for (const [d, what] of [[";", "semicolon"], ["\t", "tab"]] as const) {
    const k = firstLine.indexOf(d);
    if (k >= 0 && firstLine.split(d).length > firstLine.split(",").length) {
      throw new InputError(path, 1, k + 1, "comma-separated columns", `a ${what}-delimited header (${JSON.stringify(firstLine.slice(0, 40))}); save the file with commas as delimiters`);
    }
  }
  let table: CsvTable;
  try {
    table = parseCsv(text, { name: path });
  } catch (err) {
    if (err instanceof DataError) throw new InputError(path, err.line, undefined, err.expected, err.found ?? "something else");
    throw err;
  }
  const seen = new Map<string, number>();
  let col = 1;
  for (let j = 0; j < table.header.length; j++) {
    const h = table.header[j];
    if (h === "") throw new InputError(path, 1, col, "a name for every column", `an empty name for column ${j + 1}`);
    const first = seen.get(h);
    if (first !== undefined) throw new InputError(path, 1, col, "unique column names", `${JSON.stringify(h)} again (also column ${first + 1})`);
    seen.set(h, j);
    col += h.length + 1;
  }
  return table;
}
