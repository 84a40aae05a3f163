#!/usr/bin/env node
// Runs the compiled CLI. `npm ci` builds dist/ through the `prepare` script.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(main)) {
  console.error("pkt: dist/ is missing; run `npm run build` (npm ci does it for you).");
  process.exit(2);
}
const { run } = await import(main);
process.exitCode = await run(process.argv);
