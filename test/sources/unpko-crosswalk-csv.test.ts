import { describe, expect, it } from "vitest";
import { readUnMissions } from "../../src/sources/un-missions.js";
import { parseUnpkoCrosswalk, readUnpkoCrosswalk, unpkoCrosswalkCsvSource as src } from "../../src/sources/unpko-crosswalk-csv.js";
import { DATA_DIR } from "../util/data.js";
import { findLine, realText, renameColumn, setCell, truncateAt } from "./pko-csv-edit.js";

const rows = readUnpkoCrosswalk(DATA_DIR);
const text = realText(src);
const file = "pko/unpko_country_crosswalk.csv";
const hosts = (m: string) => rows.find((r) => r.mission === m)?.hosts;

describe("readUnpkoCrosswalk (real file)", () => {
  it("reads one row per mission, 107 lines in all", () => {
    expect(rows).toHaveLength(81);
    expect(rows.reduce((s, r) => s + Math.max(1, r.hosts.length), 0)).toBe(107);
    expect(new Set(rows.map((r) => r.mission))).toEqual(new Set(readUnMissions(DATA_DIR).map((r) => r.mission)));
  });

  it("lists hosts, with Kosovo as XKX", () => {
    expect(hosts("UNMIK")).toEqual(["SRB", "XKX"]);
    expect(hosts("UNPROFOR")).toEqual(["BIH", "HRV", "MKD", "SRB"]);
    expect(hosts("ONUCA")).toEqual(["CRI", "SLV", "GTM", "HND", "NIC"]);
    expect(hosts("UNMEE")).toEqual(["ERI", "ETH"]);
    expect(hosts("MINUSTAH")).toEqual(["HTI"]);
    expect(rows.some((r) => r.hosts.includes("KSV"))).toBe(false);
  });

  it("reads the two-field lines as missions without a host and decodes &amp;", () => {
    expect(rows.filter((r) => r.hosts.length === 0).map((r) => r.mission)).toEqual(["UNPF", "UNOSOM", "UNFOR", "UNEF", "UNAVEM"]);
    expect(rows.find((r) => r.mission === "UNOSOM")?.name).toBe("United Nations Operation in Somalia (I & II)");
  });
});

describe("parseUnpkoCrosswalk (malformed copies)", () => {
  const line = findLine(text, (c) => c.iso3c === "KSV");

  it("parses the unmodified text like the reader", () => {
    expect(parseUnpkoCrosswalk(text)).toEqual(rows);
  });

  it("rejects a bad code, a repeated host and a second name", () => {
    expect(() => parseUnpkoCrosswalk(setCell(text, line, "iso3c", "Kosovo"))).toThrow(
      `${file} line ${line}, column iso3c: expected an ISO-3 code or nothing, got "Kosovo"`,
    );
    expect(() => parseUnpkoCrosswalk(setCell(text, line, "iso3c", "SRB"))).toThrow(
      `${file} line ${line}, column iso3c: expected each host once per mission (UNMIK already has it), got "SRB"`,
    );
    expect(() => parseUnpkoCrosswalk(setCell(text, line, "mission_name", "UN Mission in Kosovo"))).toThrow(
      `${file} line ${line}, column mission_name: expected the name on line ${line - 1} ("United Nations Interim Administration Mission in Kosovo"), got "UN Mission in Kosovo"`,
    );
  });

  it("names a renamed column and rejects a line cut to one field", () => {
    expect(() => parseUnpkoCrosswalk(renameColumn(text, "iso3c", "iso3"))).toThrow(
      `${file} line 1, column iso3c: expected a column named "iso3c" in the header, got columns "mission_acronym", "mission_name", "iso3"`,
    );
    expect(() => parseUnpkoCrosswalk(truncateAt(text, line, 5))).toThrow(
      `${file} line ${line}: expected 3 fields (or 2 when the last is missing), got 1`,
    );
    expect(() => parseUnpkoCrosswalk(`${truncateAt(text, line, 6)}"United Nations`)).toThrow(`${file} line ${line}: expected well-formed CSV (balanced quotes), got a quote that is never closed`);
  });
});
