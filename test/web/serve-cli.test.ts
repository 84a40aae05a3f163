import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.js";
import { loadServeMultiverse, parsePort } from "../../src/cli/serve.js";

describe("pkt serve", () => {
  it("is registered with --port, --host, --data-dir and --multiverse, binding 127.0.0.1 by default", () => {
    const serve = buildProgram().commands.find((c) => c.name() === "serve");
    expect(serve).toBeDefined();
    const opts = Object.fromEntries(serve!.options.map((o) => [o.long, o.defaultValue as unknown]));
    expect(opts).toEqual({ "--port": "8080", "--host": "127.0.0.1", "--data-dir": undefined, "--multiverse": undefined });
  });

  it("validates --port", () => {
    expect(parsePort("0")).toBe(0);
    expect(parsePort("65535")).toBe(65535);
    for (const bad of ["65536", "-1", "80a", "", "1e3", "123456"]) expect(() => parsePort(bad), bad).toThrow(/--port .*expected a whole number from 0 to 65535/);
  });

  it("--multiverse: a directory without specs.csv is an error naming the flag and the command", () => {
    expect(() => loadServeMultiverse("/nonexistent/mv")).toThrow("--multiverse /nonexistent/mv: expected a directory with specs.csv, found none; run `pkt multiverse --out /nonexistent/mv` first");
  });
});
