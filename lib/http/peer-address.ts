/**
 * The address of the client that opened the TCP connection, which Next.js does not give a route
 * handler. `scripts/peer-address-hook.ts` (loaded with `node --import` by `npm start` and the test
 * servers) stamps every request with it in PEER_HEADER, replacing whatever the client sent, and
 * sets PEER_STAMP_FLAG so the app knows the header can be believed.
 */
export const PEER_HEADER = "x-interview-studio-peer";
export const PEER_STAMP_FLAG = "__interviewStudioPeerStamp";

type HeaderSource = Record<string, string | string[] | undefined> | Headers | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers?.[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

/** `::ffff:127.0.0.1` -> `127.0.0.1`; brackets and ports of `[::1]:123` / `1.2.3.4:5` dropped. */
function normalise(address: string): string {
  let a = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i, "$1");
  return a.toLowerCase().slice(0, 64) || "unknown";
}

/**
 * The client's address for rate limits. Without trusted proxies (trustedHops = 0) that is the
 * socket's address and X-Forwarded-For is ignored: a client can write anything there. Behind
 * `trustedHops` proxies, each of which appends the address it saw, it is the right-most address
 * that none of our proxies wrote: hop `trustedHops` counted from the socket.
 */
export function clientAddress(headers: HeaderSource, trustedHops: number): string {
  const stamped = (globalThis as Record<string, unknown>)[PEER_STAMP_FLAG] === true;
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Without the hook (next dev), Next.js fills X-Forwarded-For with the socket address only when
  // the client sent none: its right-most entry is the best there is.
  const peer = stamped ? header(headers, PEER_HEADER) : forwarded.pop();
  if (!peer) return "unknown";
  if (trustedHops <= 0) return normalise(peer);
  const chain = [...forwarded, peer];
  return normalise(chain[Math.max(0, chain.length - 1 - trustedHops)]!);
}
