// Runs before every page and route: adds Strict-Transport-Security when the request came over
// https (NEXTAUTH_URL, or a trusted proxy's X-Forwarded-Proto). The other security headers are
// static (next.config.ts, lib/http/security-headers.ts).
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { HSTS, requestIsHttps } from "@/lib/http/security-headers";

export function proxy(req: NextRequest) {
  const res = NextResponse.next();
  if (requestIsHttps(req.headers, env())) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
