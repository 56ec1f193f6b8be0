import { clientIp } from "@/lib/auth/options";
import { signUp } from "@/lib/auth/users";
import { signUpResponseSchema } from "@/lib/api/auth/schemas";
import { reply, route } from "@/lib/api/route";

/**
 * Creates an account: 201 with the user; 400 with a message per field, 409 when the email has an
 * account, 429 past the sign-up limit. The body is validated by signUp, after the attempt is counted
 * against the rate limits (an invalid attempt counts too).
 */
export const POST = route({ auth: "public", body: { limit: "auth" }, response: signUpResponseSchema }, async ({ req, body }) => {
  const user = await signUp(body, clientIp(req.headers));
  return reply({ user: { id: user.id, name: user.name, role: user.role } }, { status: 201 });
});
