import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.js";
import { parsePort } from "../../src/cli/serve.js";

describe("pkt serve", () => {
  it("is registered with --port, --host and --data-dir, binding 127.0.0.1 by default", () => {
    const serve = buildProgram().commands.find((c) => c.name() === "serve");
    expect(serve).toBeDefined();
    const opts = Object.fromEntries(serve!.options.map((o) => [o.long, o.defaultValue as unknown]));
    expect(opts).toEqual({ "--port": "8080", "--host": "127.0.0.1", "--data-dir": undefined });
  });

  it("validates --port", () => {
    expect(parsePort("0")).toBe(0);
    expect(parsePort("65535")).toBe(65535);
    for (const bad of ["65536", "-1", "80a", "", "1e3", "123456"]) expect(() => parsePort(bad), bad).toThrow(/--port .*expected a whole number from 0 to 65535/);
  });
});
