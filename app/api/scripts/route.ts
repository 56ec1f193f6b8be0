import { getCurrentUser } from "@/lib/auth/current-user";
import { scriptsApi } from "@/lib/scripts/api";

export const dynamic = "force-dynamic";

export async function GET() {
  return scriptsApi.list(await getCurrentUser());
}

export async function POST(req: Request) {
  return scriptsApi.create(await getCurrentUser(), req);
}
