import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parse } from "csv-parse/sync";
import { parseCsv } from "../../src/core/csv.js";

/** csv-parse, an independent implementation, as the reference for the tokenizer. */
function reference(text: string): { rows: string[][]; lines: number[] } {
  const recs = parse(text.replace(/^\uFEFF/, ""), { info: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
  return { rows: recs.slice(1).map((r) => r.record), lines: recs.slice(1).map((r) => r.info.lines) };
}

const opts = { name: "t.csv" };

describe("parseCsv", () => {
  test("agrees with csv-parse on quoting, CRLF, BOM, embedded newlines and empty lines", () => {
    const text = '\uFEFF"a","b c",d\n1,"x, y",""\n\n2,"he said ""hi""","multi\nline"\n3,,NA\n';
    const fast = parseCsv(text, opts);
    expect(fast.header).toEqual(["a", "b c", "d"]);
    expect(fast.rows).toEqual(reference(text).rows);
    // A record spanning several lines is numbered by the line it starts on.
    expect(fast.rows).toEqual([["1", "x, y", ""], ["2", 'he said "hi"', "multi\nline"], ["3", "", "NA"]]);
    expect(fast.lines).toEqual([2, 4, 6]);
  });

  test("CRLF line ends", () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,3\r\n';
    expect(parseCsv(text, opts).rows).toEqual(reference(text).rows);
    expect(parseCsv(text, opts).lines).toEqual([2, 5]);
  });

  test("no trailing newline; a single empty column value", () => {
    expect(parseCsv("a,b\n1,", opts).rows).toEqual([["1", ""]]);
    expect(parseCsv("a\n\n1", opts).rows).toEqual([["1"]]);
  });

  test("errors name the file and line", () => {
    expect(() => parseCsv("a,b\n1,2\n3\n", opts)).toThrow("t.csv line 3: expected 2 fields as in the header, got 1");
    expect(() => parseCsv('a,b\n1,"2\n', opts)).toThrow("t.csv line 2: expected well-formed CSV (balanced quotes), got a quote that is never closed");
    expect(() => parseCsv('a,b\n1,"2"x\n', opts)).toThrow('t.csv line 2: expected a delimiter or end of line after a closing quote, got "x\\n"');
    expect(() => parseCsv("a,b\n1,2\n", { ...opts, required: ["c"] })).toThrow('t.csv line 1, column c: expected a column named "c" in the header, got columns "a", "b"');
    expect(() => parseCsv("\n\n", opts)).toThrow("t.csv line 1: expected a header line, got an empty file");
  });

  test("agrees with csv-parse on random tables with quotes, commas, CR/LF and empty cells", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r\n", "1", "é"), maxLength: 6 });
    const quoteCell = (v: string) => (/[",\r\n]/.test(v) || v === "" ? `"${v.replace(/"/g, '""')}"` : v);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (k, table, crlf) => {
        const eol = crlf ? "\r\n" : "\n";
        const text = [Array.from({ length: k }, (_, j) => `c${j}`), ...table.map((r) => r.slice(0, k))].map((r) => r.map(quoteCell).join(",")).join(eol) + eol;
        expect(parseCsv(text, opts).rows).toEqual(reference(text).rows);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
