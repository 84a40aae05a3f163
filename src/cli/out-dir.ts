import { accessSync, closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { OptionError } from "../core/errors.js";

/** Files whose presence marks a directory as an earlier pkt output (which a new run may replace). */
const PKT_OUTPUT_MARKERS = ["provenance.json", "cases.json"];

/**
 * Whether `dir` is an earlier pkt output: it holds a marker file, or the summary.json of a
 * `pkt multiverse` run (program name "pkt").
 */
export function isPktOutput(dir: string): boolean {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return false;
  }
  if (PKT_OUTPUT_MARKERS.some((m) => entries.includes(m))) return true;
  if (!entries.includes("summary.json")) return false;
  try {
    const s = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as { program?: { name?: unknown } };
    return s.program?.name === "pkt";
  } catch {
    return false;
  }
}

/** Virtual file systems: nothing can be written there, and Node's recursive mkdir loops forever on /proc. */
const VIRTUAL_ROOTS = ["/proc", "/sys", "/dev"];

/**
 * An output directory being written: commands write into `staging` (a fresh directory
 * beside the target), then `commit()` swaps it in, so a rerun with other options leaves no
 * stale files and an interrupted or failed run leaves the earlier output untouched.
 */
export interface OutDir {
  /** Absolute path of the target directory (what the user gave). */
  readonly path: string;
  /** Fresh directory to write into. */
  readonly staging: string;
  /** Replace the target with the staging directory and release the lock. */
  commit(): void;
  /** Remove the staging directory (and directories this run created) and release the lock. */
  abort(): void;
}

function fail(flag: string, given: string, expected: string, found: string): never {
  throw new OptionError(`${flag} ${given}: expected ${expected}, found ${found}`);
}

function errCode(err: unknown): string {
  return typeof err === "object" && err !== null && "code" in err ? String((err as { code: unknown }).code) : "an error";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errCode(err) === "EPERM";
  }
}

/**
 * Check an output directory before any computation and prepare to write it.
 * Errors (one line, naming `flag`): a path under /proc, /sys or /dev; an existing file;
 * an ancestor that is a file or not writable; a non-empty directory that is not an earlier
 * pkt output (pkt never deletes files it did not write); another pkt run writing there.
 * Missing parent directories are created (and removed again on abort).
 */
export function openOutDir(flag: string, given: string): OutDir {
  const path = resolve(given);
  for (const root of VIRTUAL_ROOTS) {
    if (path === root || path.startsWith(root + sep)) fail(flag, given, "a directory on a real file system", `a path under ${root}`);
  }
  if (existsSync(path)) {
    const st = statSync(path);
    if (!st.isDirectory()) fail(flag, given, "a directory", "a file");
    const entries = readdirSync(path);
    // An earlier output, or a directory holding only earlier outputs (out/ with out/multiverse
    // from `pkt multiverse`, which `pkt report --out out` carries forward).
    const earlier = isPktOutput(path) || (entries.length > 0 && entries.every((e) => statSync(join(path, e)).isDirectory() && isPktOutput(join(path, e))));
    if (entries.length > 0 && !earlier) {
      fail(flag, given, "an empty directory or an earlier pkt output (pkt replaces the whole directory)", `${entries.length} other file${entries.length === 1 ? "" : "s"}, e.g. ${JSON.stringify(entries[0])}; choose another ${flag}`);
    }
  }
  const parent = dirname(path);
  // Walk up to the nearest existing ancestor without recursive mkdir.
  const missing: string[] = [];
  let anc = parent;
  while (!existsSync(anc)) {
    missing.unshift(anc);
    const up = dirname(anc);
    if (up === anc) break;
    anc = up;
  }
  if (!statSync(anc).isDirectory()) fail(flag, given, "a path inside directories", `${anc} is a file`);
  try {
    accessSync(anc, constants.W_OK);
  } catch {
    fail(flag, given, "a writable directory", `${anc} is not writable`);
  }
  const created: string[] = [];
  const removeCreated = (): void => {
    for (const d of [...created].reverse()) {
      try {
        rmdirSync(d);
      } catch {
        break;
      }
    }
  };
  try {
    for (const d of missing) {
      mkdirSync(d);
      created.push(d);
    }
  } catch (err) {
    removeCreated();
    fail(flag, given, "a directory that can be created", `${errCode(err)} creating ${missing[created.length]}`);
  }
  const lock = join(parent, `.${basename(path)}.pkt-lock`);
  takeLock(flag, given, lock, removeCreated);
  let staging: string;
  try {
    staging = mkdtempSync(join(parent, `.${basename(path)}.pkt-tmp-`));
  } catch (err) {
    rmSync(lock, { force: true });
    removeCreated();
    fail(flag, given, "a writable directory", `${errCode(err)} creating a directory in ${parent}`);
  }
  let done = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanup(false);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  const onExit = (): void => cleanup(false);
  const cleanup = (committed: boolean): void => {
    if (done) return;
    done = true;
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("exit", onExit);
    if (!committed) rmSync(staging, { recursive: true, force: true });
    rmSync(lock, { force: true });
    if (!committed) removeCreated();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", onExit);
  return {
    path,
    staging,
    commit() {
      if (done) throw new Error("output directory already committed or aborted");
      if (existsSync(path)) {
        const old = `${staging}-old`;
        renameSync(path, old);
        try {
          renameSync(staging, path);
        } catch (err) {
          renameSync(old, path);
          throw err;
        }
        rmSync(old, { recursive: true, force: true });
      } else {
        renameSync(staging, path);
      }
      cleanup(true);
    },
    abort() {
      cleanup(false);
    },
  };
}

function takeLock(flag: string, given: string, lock: string, onFail: () => void): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (err) {
      if (errCode(err) !== "EEXIST") {
        onFail();
        fail(flag, given, "a writable directory", `${errCode(err)} creating ${lock}`);
      }
      let pid = NaN;
      try {
        pid = Number(readFileSync(lock, "utf8").trim());
      } catch {
        // removed meanwhile: try again
      }
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        onFail();
        throw new OptionError(`${flag} ${given}: another pkt run (pid ${pid}) is writing there; wait for it to finish or choose another ${flag}`);
      }
      rmSync(lock, { force: true });
    }
  }
  onFail();
  throw new OptionError(`${flag} ${given}: could not take the lock ${lock}`);
}

/** Run `work` with a checked output directory; the directory is swapped in only if `work` succeeds. */
export async function withOutDir<T>(flag: string, given: string, work: (staging: string) => Promise<T> | T): Promise<T> {
  const out = openOutDir(flag, given);
  try {
    const r = await work(out.staging);
    out.commit();
    return r;
  } finally {
    out.abort();
  }
}
