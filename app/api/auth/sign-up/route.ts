import { NextResponse } from "next/server";
import { clientIp } from "@/lib/auth/options";
import { signUp, SignUpError } from "@/lib/auth/users";
import { BODY_LIMITS, BodyTooLargeError, bodyTooLargeResponse, readJsonBody } from "@/lib/http/body";
import { RateLimitError } from "@/lib/rate-limit";

export async function POST(req: Request) {
  let body: unknown;
  try {
    body = await readJsonBody(req, BODY_LIMITS.auth);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(error);
    return NextResponse.json({ error: "Send a JSON body with name, email and password." }, { status: 400 });
  }
  try {
    const user = await signUp(body, clientIp(req.headers));
    return NextResponse.json({ user: { id: user.id, name: user.name, role: user.role } }, { status: 201 });
  } catch (error) {
    if (error instanceof SignUpError)
      return NextResponse.json({ fieldErrors: error.fieldErrors }, { status: error.fieldErrors.email?.includes("already") ? 409 : 400 });
    if (error instanceof RateLimitError) {
      return NextResponse.json({ error: error.message }, { status: 429, headers: { "retry-after": String(Math.ceil(error.retryAfterMs / 1000)) } });
    }
    throw error;
  }
}
