import { resolve } from "node:path";

/** The shared data directory the tests read (`PKT_DATA_DIR` or `../shared/data`). */
export const DATA_DIR = process.env.PKT_DATA_DIR ? resolve(process.env.PKT_DATA_DIR) : resolve(import.meta.dirname, "../../../shared/data");
