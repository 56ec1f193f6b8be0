import { reply, route } from "@/lib/api/route";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Anyone: ok (200) or error (503), never why (that goes to the server log). */
export const GET = route({ auth: "public" }, async () => {
  const health = await checkHealth();
  return reply(health, { status: health.status === "ok" ? 200 : 503 });
});
