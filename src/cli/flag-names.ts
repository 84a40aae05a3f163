import { OptionError } from "../core/errors.js";

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Rewrite an OptionError raised by a library layer (`option mapYear: ...`,
 * `panel option unSource: ...`) so it names the command-line flag the user typed
 * (`--map-year: ...`). `flags` maps option names whose flag is not their kebab-case.
 */
export function withFlagNames<T>(work: () => T, flags: Readonly<Record<string, string>> = {}): T {
  try {
    return work();
  } catch (err) {
    if (!(err instanceof OptionError)) throw err;
    const flag = (name: string): string => flags[name] ?? `--${kebab(name)}`;
    let msg = err.message
      .replace(/^unknown (?:panel |study )?option "?(\w+)"?.*$/, (_m, k: string) => `${flag(k)}: not an option of this command`)
      .replace(/^(?:panel )?option (\w+)/, (_m, k: string) => flag(k))
      .replace(/^years (\d{4}-\d{4})/, (_m, y: string) => `${flags.years ?? "--years"} ${y}`);
    for (const [k, f] of Object.entries(flags)) msg = msg.replace(new RegExp(`\\b${k}\\b`, "g"), f);
    throw new OptionError(msg);
  }
}
