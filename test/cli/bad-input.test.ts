/**
 * The bad-input table: every user mistake named in issue 12 gives one line starting
 * with `pkt:` (no stack trace), a non-zero exit, and leaves nothing behind.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";

const T = mkdtempSync(join(tmpdir(), "pkt-bad-input-"));
const f = (name: string, data: string | Uint8Array): string => {
  const p = join(T, name);
  writeFileSync(p, data);
  return p;
};
const GOOD = f("good.csv", "y,x,g\n0,1.5,a\n1,2.5,b\n0,0.5,a\n1,3.5,b\n0,1,a\n1,2,b\n");
const DUP = f("dup.csv", "y,x,x\n0,1,2\n");
const LATIN1 = f("latin1.csv", Buffer.concat([Buffer.from("y,city\n1,Caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
const UTF16 = f("utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("y,x\n1,2\n", "utf16le")]));
const UTF16_NO_BOM = f("utf16nobom.csv", Buffer.from("y,x\n1,2\n", "utf16le"));
const DTA = f("data.dta", Buffer.concat([Buffer.from("<stata_dta><header><release>118</release>"), Buffer.alloc(20)]));
const SEMI = f("semi.csv", "y;x;g\n0;1,5;a\n");
const RAGGED = f("ragged.csv", "y,x\n1,2\n3\n");
const A_FILE = f("a-file", "not a directory");
const TEXT_CELL = f("text.csv", 'y,g,x\n0,"a",1.5\n1,"b, c",abc\n');
const FOREIGN = join(T, "foreign");
mkdirSync(FOREIGN);
writeFileSync(join(FOREIGN, "thesis.docx"), "precious");

let busy: Server;
let busyPort = 0;
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((r) => busy.listen(0, "127.0.0.1", () => r()));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => busy.close(() => r())));

async function cli(args: string[]): Promise<{ code: number; err: string; out: string }> {
  const err: string[] = [], out: string[] = [];
  const e = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  const o = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  try {
    const code = await run(["node", "pkt", ...args]);
    return { code, err: err.join("\n"), out: out.join("\n") };
  } finally {
    e.mockRestore();
    o.mockRestore();
    process.exitCode = undefined;
  }
}

const fit = (data: string, ...rest: string[]): string[] => ["fit", "--data", data, "--formula", "y ~ x", ...rest];

/** [what, argv, exact stderr]. */
const TABLE: ReadonlyArray<readonly [string, () => string[], () => string]> = [
  ["--data missing", () => fit(join(T, "nope.csv")), () => `pkt: --data ${join(T, "nope.csv")}: expected a CSV file, found no such file`],
  ["--data a directory", () => fit(T), () => `pkt: --data ${T}: expected a CSV file, found a directory`],
  ["--data -", () => fit("-"), () => `pkt: --data -: expected a CSV file path, found "-" (reading standard input is not supported; save the data to a file)`],
  ["duplicated column", () => fit(DUP), () => `pkt: ${DUP}:1:5: expected unique column names, found "x" again (also column 2)`],
  ["Latin-1 bytes", () => fit(LATIN1), () => `pkt: ${LATIN1}:2:6: expected UTF-8 text, found byte 0xE9, which is not UTF-8 (read as Latin-1: "Café"); save the file as UTF-8`],
  ["UTF-16 with BOM", () => fit(UTF16), () => `pkt: ${UTF16}:1:1: expected UTF-8 text, found UTF-16 text (byte order mark 0xFF 0xFE); save the file as UTF-8`],
  ["UTF-16 without BOM", () => fit(UTF16_NO_BOM), () => `pkt: ${UTF16_NO_BOM}:1:2: expected UTF-8 text, found UTF-16 text (NUL bytes between characters); save the file as UTF-8`],
  ["Stata .dta", () => fit(DTA), () => `pkt: ${DTA}:1:1: expected CSV text, found a Stata .dta file; export it as CSV first (Stata: export delimited; R: write.csv(haven::read_dta(...)))`],
  ["semicolon-delimited", () => fit(SEMI), () => `pkt: ${SEMI}:1:2: expected comma-separated columns, found a semicolon-delimited header ("y;x;g"); save the file with commas as delimiters`],
  ["ragged row", () => fit(RAGGED), () => `pkt: ${RAGGED}:3: expected 2 fields as in the header, found 1`],
  ["text in a numeric column", () => fit(TEXT_CELL), () => `pkt: ${TEXT_CELL}:3:10: expected a number in column x, found "abc" (write factor(x) to use it as categories)`],
  ["--vcov cluster:zz", () => fit(GOOD, "--vcov", "cluster:zz", "--model", "ols"), () => `pkt: --vcov cluster:zz: expected a column of the data, found unknown column "zz"; close matches: g, x, y`],
  ["--out a file", () => ["panel", "build", "--out", A_FILE], () => `pkt: --out ${A_FILE}: expected a directory, found a file`],
  ["--out under a file", () => ["panel", "build", "--out", join(A_FILE, "x")], () => `pkt: --out ${join(A_FILE, "x")}: expected a path inside directories, found ${A_FILE} is a file`],
  ["--out under /proc", () => ["report", "--out", "/proc/pkt-out"], () => `pkt: --out /proc/pkt-out: expected a directory on a real file system, found a path under /proc`],
  ["--out deep under /proc", () => ["cases", "--out", "/proc/self/pkt/out"], () => `pkt: --out /proc/self/pkt/out: expected a directory on a real file system, found a path under /proc`],
  ["--out holding other files", () => ["panel", "build", "--out", FOREIGN], () => `pkt: --out ${FOREIGN}: expected an empty directory or an earlier pkt output (pkt replaces the whole directory), found 1 other file, e.g. "thesis.docx"; choose another --out`],
  ["--years reversed", () => ["report", "--years", "2005-2003", "--out", join(T, "o1")], () => `pkt: --years 2005-2003: expected the first year before the last, got 2005 after 2003`],
  ["--years out of range", () => ["report", "--years", "1995-2011", "--out", join(T, "o1")], () => `pkt: --years 1995-2011: the outcome (HTI) covers TIP report years 2001-2011 only`],
  ["--map-year", () => ["report", "--map-year", "1990", "--out", join(T, "o1")], () => `pkt: --map-year: expected 2001-2011, got 1990`],
  ["--multi-host", () => ["report", "--multi-host", "x", "--out", join(T, "o1")], () => `pkt: --multi-host: expected one of located, split, hq, full, got "x"`],
  ["--un-source", () => ["panel", "build", "--un-source", "sipri", "--out", join(T, "o2")], () => `pkt: --un-source: expected one of ipi, kathman, got "sipri"`],
  ["--port in use", () => ["serve", "--port", String(busyPort)], () => `pkt: --port ${busyPort}: expected a free port on 127.0.0.1, found it in use by another program; choose another --port (0 picks a free one)`],
];

describe("bad input: one pkt: line, exit 1, nothing left behind", () => {
  for (const [what, argv, message] of TABLE) {
    it(what, async () => {
      const before = readdirSync(T).sort();
      const t0 = performance.now();
      const r = await cli(argv());
      expect(r.err).toBe(message());
      expect(r.code).toBe(1);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(readdirSync(T).sort()).toEqual(before);
      expect(readdirSync(FOREIGN)).toEqual(["thesis.docx"]);
      // Checked before any computation (the panel takes seconds to build).
      expect(performance.now() - t0).toBeLessThan(1500);
    });
  }

  it.skipIf(process.getuid?.() === 0)("--out in an unwritable directory", async () => {
    const ro = join(T, "ro");
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    try {
      const r = await cli(["panel", "build", "--out", join(ro, "out")]);
      expect(r.err).toBe(`pkt: --out ${join(ro, "out")}: expected a writable directory, found ${ro} is not writable`);
      expect(readdirSync(ro)).toEqual([]);
    } finally {
      chmodSync(ro, 0o755);
    }
  });

  it("an unexpected error is one line, without a stack trace", async () => {
    const { describeError } = await import("../../src/cli/main.js");
    expect(describeError(Object.assign(new Error("EACCES: permission denied, open '/x/y'"), { code: "EACCES", syscall: "open", path: "/x/y" }))).toBe("open /x/y: permission denied (EACCES)");
    expect(describeError(new TypeError("a is undefined"))).toBe("internal error: a is undefined (set PKT_DEBUG=1 for the stack trace)");
  });
});
