// Loaded with `node --import` before Next.js starts (scripts/start.ts, tests/support/e2e-server.ts):
// stamps every HTTP request with the socket's address in a header the app trusts, overwriting any
// value the client sent, because Next.js gives route handlers no access to the socket. See
// lib/http/peer-address.ts.
import http from "node:http";
import { PEER_HEADER, PEER_STAMP_FLAG } from "../lib/http/peer-address.ts";

const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
  if (event === "request") {
    const req = args[0] as http.IncomingMessage;
    req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "unknown";
  }
  return emit.call(this, event, ...args);
} as typeof http.Server.prototype.emit;
(globalThis as Record<string, unknown>)[PEER_STAMP_FLAG] = true;
