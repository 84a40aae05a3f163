import { describe, expect, test } from "vitest";
import { parseCsv } from "../../src/core/csv.js";
import { parseCsvFast } from "../../src/sources/fast-csv.js";

const opts = { name: "t.csv" };

describe("parseCsvFast", () => {
  test("agrees with parseCsv on quoting, CRLF, BOM, embedded newlines and empty lines", () => {
    const text = '\uFEFF"a","b c",d\n1,"x, y",""\n\n2,"he said ""hi""","multi\nline"\n3,,NA\n';
    const fast = parseCsvFast(text, opts);
    const slow = parseCsv(text, opts);
    expect(fast.header).toEqual(slow.header);
    expect(fast.rows).toEqual(slow.rows);
    // parseCsv gives a multi-line record the line it ends on; parseCsvFast the line it starts on.
    expect(slow.lines).toEqual([2, 5, 6]);
    expect(fast.rows).toEqual([["1", "x, y", ""], ["2", 'he said "hi"', "multi\nline"], ["3", "", "NA"]]);
    expect(fast.lines).toEqual([2, 4, 6]);
  });

  test("CRLF line ends", () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,3\r\n';
    expect(parseCsvFast(text, opts).rows).toEqual(parseCsv(text, opts).rows);
    expect(parseCsvFast(text, opts).lines).toEqual([2, 5]);
  });

  test("no trailing newline; a single empty column value", () => {
    expect(parseCsvFast("a,b\n1,", opts).rows).toEqual([["1", ""]]);
    expect(parseCsvFast("a\n\n1", opts).rows).toEqual([["1"]]);
  });

  test("errors name the file and line", () => {
    expect(() => parseCsvFast("a,b\n1,2\n3\n", opts)).toThrow("t.csv line 3: expected 2 fields as in the header, got 1");
    expect(() => parseCsvFast('a,b\n1,"2\n', opts)).toThrow("t.csv line 2: expected well-formed CSV (balanced quotes), got a quote that is never closed");
    expect(() => parseCsvFast('a,b\n1,"2"x\n', opts)).toThrow('t.csv line 2: expected a delimiter or end of line after a closing quote, got "x\\n"');
    expect(() => parseCsvFast("a,b\n1,2\n", { ...opts, required: ["c"] })).toThrow('t.csv line 1, column c: expected a column named "c" in the header, got columns "a", "b"');
    expect(() => parseCsvFast("\n\n", opts)).toThrow("t.csv line 1: expected a header line, got an empty file");
  });
});
