import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { OptionError } from "../core/errors.js";

/** Where the data directory was found, for messages and provenance. */
export type DataDirOrigin = "option" | "env" | "shared" | "cache";

export interface DataDir {
  readonly path: string;
  readonly origin: DataDirOrigin;
}

/** The package root (the folder holding package.json), from src/ or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "package.json"))) return dir;
    dir = dirname(dir);
  }
  throw new Error("cannot find the package root above " + fileURLToPath(import.meta.url));
}

/** The user cache directory that `pkt data fetch` fills: `$XDG_CACHE_HOME/peacekeeping-trafficking/data`. */
export function cacheDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== "" ? env.XDG_CACHE_HOME : join(homedir(), ".cache");
  return join(base, "peacekeeping-trafficking", "data");
}

/**
 * Find the data directory, in this order: the `--data-dir` option, `PKT_DATA_DIR`,
 * `../shared/data` beside the package root, then the user cache directory.
 * An explicitly given directory that does not exist is an error.
 */
export function resolveDataDir(option?: string, env: NodeJS.ProcessEnv = process.env): DataDir {
  if (option !== undefined && option !== "") {
    const p = resolve(option);
    if (!existsSync(p)) throw new OptionError(`--data-dir ${option}: no such directory`);
    return { path: p, origin: "option" };
  }
  if (env.PKT_DATA_DIR) {
    const p = resolve(env.PKT_DATA_DIR);
    if (!existsSync(p)) throw new OptionError(`PKT_DATA_DIR=${env.PKT_DATA_DIR}: no such directory`);
    return { path: p, origin: "env" };
  }
  const shared = resolve(packageRoot(), "..", "shared", "data");
  if (existsSync(shared)) return { path: shared, origin: "shared" };
  return { path: cacheDataDir(env), origin: "cache" };
}
