import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { baraHultmanPkoSource, readBaraHultman } from "../../src/sources/bara-hultman-pko.js";
import { ipiMissionMonthSource, readIpiMissionMonth } from "../../src/sources/ipi-mission-month.js";
import { ipiTccGenderSource, readIpiTccGender } from "../../src/sources/ipi-tcc-gender.js";
import { ipiTccMonthSource, readIpiTccMonth } from "../../src/sources/ipi-tcc-month.js";
import { kathmanMissionMonthCsvSource, readKathmanMissionMonth } from "../../src/sources/kathman-mission-month-csv.js";
import { radpkoBaseYearSource, readRadpko } from "../../src/sources/radpko-base-year.js";
import type { SourceDef } from "../../src/sources/source.js";
import { readUnMissions, unMissionsSource } from "../../src/sources/un-missions.js";
import { readUnpkoCrosswalk, unpkoCrosswalkCsvSource } from "../../src/sources/unpko-crosswalk-csv.js";
import { DATA_DIR } from "../util/data.js";

const READERS: readonly [SourceDef, (dir: string) => unknown[]][] = [
  [ipiMissionMonthSource, readIpiMissionMonth],
  [kathmanMissionMonthCsvSource, readKathmanMissionMonth],
  [ipiTccGenderSource, readIpiTccGender],
  [ipiTccMonthSource, readIpiTccMonth],
  [unMissionsSource, readUnMissions],
  [unpkoCrosswalkCsvSource, readUnpkoCrosswalk],
  [baraHultmanPkoSource, readBaraHultman],
  [radpkoBaseYearSource, readRadpko],
];

const tmp = mkdtempSync(join(tmpdir(), "pkt-pko-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("PKO readers check the SHA-256 before parsing", () => {
  it.each(READERS.map(([src, read]) => [src.file, src, read] as const))("%s: missing and tampered copies", (_, src, read) => {
    const empty = join(tmp, "empty");
    expect(() => read(empty)).toThrow(`${src.file}: expected the file in ${empty} (run \`pkt data fetch\` or pass --data-dir), got no such file`);
    const dir = join(tmp, src.file.replace(/\W/g, "_"));
    const path = join(dir, src.file);
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(join(DATA_DIR, src.file), path);
    expect(read(dir).length).toBeGreaterThan(0);
    const bytes = readFileSync(path);
    bytes[bytes.length - 2] ^= 1;
    writeFileSync(path, bytes);
    expect(() => read(dir)).toThrow(new RegExp(`^${src.file.replace(/\./g, "\\.")}: expected SHA-256 ${src.sha256}, got [0-9a-f]{64} \\(the file differs from the published one\\)$`));
  });
});
