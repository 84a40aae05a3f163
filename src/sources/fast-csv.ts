import type { CsvOptions, CsvTable } from "../core/csv.js";
import { DataError } from "../core/errors.js";

/**
 * A fast RFC 4180 tokenizer giving the same {@link CsvTable} as `parseCsv` (header,
 * rows, 1-based line numbers, NA tokens, required columns), for large, plain files read
 * on hot paths (the state panel is read by every `loadCountryCodes`). Handles a BOM,
 * CRLF, quoted fields with `""` and embedded commas or newlines, and skips empty lines.
 * A line with a different number of fields from the header, or an unclosed quote, is a
 * DataError naming the file and line. Unlike `parseCsv`, a record spanning several lines
 * is numbered by the line it starts on.
 */
export function parseCsvFast(text: string, opts: CsvOptions & { name: string }): CsvTable {
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
  for (let r = 1; r < records.length; r++) {
    if (records[r].length !== header.length) {
      throw new DataError({ file: opts.name, line: lines[r] }, `${header.length} fields as in the header`, `${records[r].length}`);
    }
  }
  return { name: opts.name, header, rows: records.slice(1), lines: lines.slice(1), na: new Set(opts.na ?? ["", "NA"]) };
}
