import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { MultiverseDir } from "../multiverse/read-specs.js";
import type { DashboardData } from "./data.js";
import { HttpError } from "./params.js";
import { createApi } from "./routes.js";
import { contentType, resolveStatic } from "./static.js";

export type { DashboardData, PanelRow, PanelVariant, MissionYear, SourceInfo, ColumnInfo } from "./data.js";
export { DEFAULT_VARIANT, VARIANT_CHOICES } from "./data.js";
export { DEFAULT_MULTIVERSE_DIR, MULTIVERSE_MISSING } from "./multiverse-routes.js";

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** What to serve. */
  readonly data: DashboardData;
  /** The built app (web/dist). */
  readonly staticDir: string;
  /** Port; 0 picks a free one. Default 0. */
  readonly port?: number;
  /** Interface to bind. Default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** Program name and version for /api/meta. */
  readonly program?: { name: string; version: string };
  /** Results of `pkt multiverse --out DIR` (readMultiverseDir) for /api/multiverse; without them that route answers 404 with the command to run. */
  readonly multiverse?: MultiverseDir | null;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:5173`. */
  readonly url: string;
  readonly port: number;
  /** Stop listening and close open connections. */
  close(): Promise<void>;
}

/** Longest request target (path and query) accepted; longer ones get 414. */
export const MAX_URL_LENGTH = 8192;

const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  // Vega compiles its expressions with Function(), hence 'unsafe-eval'.
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
});

/**
 * Start the dashboard server: JSON under /api/, the built app from `staticDir`,
 * GET and HEAD only. Resolves once listening.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const api = createApi(opts.data, opts.program ?? { name: "pkt", version: "0.0.0" }, opts.multiverse ?? null);
  const files = new Map<string, Buffer>();
  const sockets = new Set<Socket>();

  const send = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
    const buf = typeof body === "string" ? Buffer.from(body) : body;
    res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": type, "Content-Length": String(buf.length), ...extra });
    res.end(req.method === "HEAD" ? undefined : buf);
  };
  const sendError = (req: IncomingMessage, res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) =>
    send(req, res, status, "application/json; charset=utf-8", JSON.stringify({ error: message, status }), { "Cache-Control": "no-store", ...extra });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendError(req, res, 405, `method ${req.method ?? "?"} not allowed; use GET or HEAD`, { Allow: "GET, HEAD" });
      return;
    }
    const target = req.url ?? "";
    if (target.length > MAX_URL_LENGTH) {
      sendError(req, res, 414, `request target longer than ${MAX_URL_LENGTH} characters`);
      return;
    }
    if (!target.startsWith("/")) {
      sendError(req, res, 400, "the request target must be a path starting with /");
      return;
    }
    const q = target.indexOf("?");
    const path = q < 0 ? target : target.slice(0, q);
    const rawQuery = q < 0 ? "" : target.slice(q + 1).replace(/#.*$/, "");
    try {
      if (path === "/api" || path.startsWith("/api/")) {
        const body = await api.handle(path, rawQuery);
        send(req, res, 200, "application/json; charset=utf-8", body, { "Cache-Control": "no-cache" });
        return;
      }
      const file = resolveStatic(opts.staticDir, path);
      let buf = files.get(file);
      if (buf === undefined) {
        buf = readFileSync(file);
        files.set(file, buf);
      }
      const immutable = file.includes("/assets/");
      send(req, res, 200, contentType(file), buf, { "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache" });
    } catch (err) {
      if (err instanceof HttpError) sendError(req, res, err.status, err.message);
      else sendError(req, res, 500, `internal error: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const server = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 30_000, headersTimeout: 10_000 }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(req, res, 500, `internal error: ${err instanceof Error ? err.message : String(err)}`);
      else res.destroy();
    });
  });
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const status = err.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
    const body = JSON.stringify({ error: `malformed request (${err.code ?? "parse error"})` });
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  server.on("connect", (_req: IncomingMessage, socket: Socket) => {
    const body = JSON.stringify({ error: "method CONNECT not allowed; use GET or HEAD", status: 405 });
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
