import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { BODY_LIMITS, BodyTooLargeError, bodyTooLargeResponse, readBodyText } from "@/lib/http/body";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth v4's route handler; options are built per request so the secret is read lazily.
async function handler(req: NextRequest, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions(req.headers));
}

/** next-auth reads the whole body itself: it gets a copy read through the capped reader (413 past the cap). */
async function post(req: NextRequest, ctx: Ctx) {
  let text: string;
  try {
    text = await readBodyText(req, BODY_LIMITS.auth);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(error);
    throw error;
  }
  const capped = new NextRequest(req.url, { method: "POST", headers: req.headers, body: text });
  return handler(capped, ctx);
}

export { handler as GET, post as POST };
