/** The data the end-to-end run serves: the synthetic fixture. */
import type { DashboardData } from "../../src/server/data.js";
import { syntheticDashboardData } from "../fixtures/web/synthetic.js";

/** Dashboard data for the e2e run. */
export async function e2eData(): Promise<DashboardData> {
  return syntheticDashboardData();
}
