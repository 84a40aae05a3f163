/**
 * The data the end-to-end run serves: the panel built from the real source files
 * when they are present (PKT_DATA_DIR or ../shared/data), else the synthetic
 * fixture. `PKT_E2E_DATA=synthetic` forces the fixture.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_VARIANT, type DashboardData } from "../../src/server/data.js";
import { loadDashboardData } from "../../src/server/load-data.js";
import { syntheticDashboardData } from "../fixtures/web/synthetic.js";
import { DATA_DIR } from "../util/data.js";

/** Dashboard data for the e2e run, with the study's default variant (report t <-> year t-1) built ahead. */
export async function e2eData(): Promise<DashboardData> {
  if (process.env.PKT_E2E_DATA === "synthetic" || !existsSync(join(DATA_DIR, "manifest.json"))) return syntheticDashboardData();
  const data = loadDashboardData(DATA_DIR);
  await data.panel({ ...DEFAULT_VARIANT, reportAlignment: "t" });
  return data;
}
