import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { readBodyText, BODY_LIMITS } from "@/lib/api/body";
import { errorResponse } from "@/lib/api/route";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth v4's route handler; options are built per request so the secret is read lazily.
async function handler(req: NextRequest, context: Context): Promise<Response> {
  const nextAuth: (req: NextRequest, context: Context) => Promise<Response> = NextAuth(authOptions(req.headers));
  return nextAuth(req, context);
}

/** next-auth reads the whole body itself: it gets a copy read through the capped reader (413, the API's error shape, past the cap). */
async function post(req: NextRequest, context: Context): Promise<Response> {
  let text: string;
  try {
    text = await readBodyText(req, BODY_LIMITS.auth);
  } catch (error) {
    return errorResponse(error, req);
  }
  const capped = new NextRequest(req.url, { method: "POST", headers: req.headers, body: text });
  return handler(capped, context);
}

export { handler as GET, post as POST };
