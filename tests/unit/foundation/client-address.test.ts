// Rate limits key on the client's address: the socket's, never a client-written X-Forwarded-For,
// unless TRUST_PROXY says how many proxies in front of the app append to it.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env.ts";
import { clientAddress, PEER_HEADER, PEER_STAMP_FLAG } from "@/lib/http/peer-address.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const flags = globalThis as Record<string, unknown>;

describe("client address", () => {
  afterEach(() => {
    delete flags[PEER_STAMP_FLAG];
  });

  it("takes the socket's address and ignores X-Forwarded-For when no proxy is trusted", () => {
    flags[PEER_STAMP_FLAG] = true;
    const h = new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", [PEER_HEADER]: "::ffff:203.0.113.9" });
    expect(clientAddress(h, 0)).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.1.1.1", [PEER_HEADER]: "203.0.113.9" }), 0)).toBe("203.0.113.9");
  });

  it("behind trusted proxies takes the right-most hop none of them wrote", () => {
    flags[PEER_STAMP_FLAG] = true;
    // client spoofs 6.6.6.6; the proxy (10.0.0.2) appends the real client 198.51.100.7
    const one = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7", [PEER_HEADER]: "10.0.0.2" });
    expect(clientAddress(one, 1)).toBe("198.51.100.7");
    // two proxies: CDN appends the client, the load balancer appends the CDN
    const two = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 192.0.2.1", [PEER_HEADER]: "10.0.0.2" });
    expect(clientAddress(two, 2)).toBe("198.51.100.7");
    // more hops trusted than present: the left-most there is
    expect(clientAddress(new Headers({ [PEER_HEADER]: "10.0.0.2" }), 3)).toBe("10.0.0.2");
  });

  it("without the hook (next dev) uses the right-most X-Forwarded-For entry, never the left-most", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientAddress(new Headers({ [PEER_HEADER]: "6.6.6.6" }), 0)).toBe("unknown");
  });

  it("TRUST_PROXY is a hop count, 0 by default", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });

  it("the start hook stamps the socket's address over whatever the client sent (real HTTP server)", async () => {
    const program = `
      import http from "node:http";
      import { clientAddress, PEER_HEADER } from "./lib/http/peer-address.ts";
      const server = http.createServer((req, res) => res.end(clientAddress(req.headers, 0)));
      server.listen(0, "127.0.0.1", async () => {
        const { port } = server.address();
        const res = await fetch("http://127.0.0.1:" + port + "/", { headers: { "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: "6.6.6.6" } });
        console.log(await res.text());
        server.close();
      });`;
    const child = spawn(process.execPath, ["--import", "./scripts/peer-address-hook.ts", "--input-type=module", "-e", program], { cwd: root });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const code = await new Promise((r) => child.on("exit", r));
    expect(out.trim()).toBe("127.0.0.1");
    expect(code).toBe(0);
  });
});
