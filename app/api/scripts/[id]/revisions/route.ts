import { getCurrentUser } from "@/lib/auth/current-user";
import { scriptsApi } from "@/lib/scripts/api";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export async function GET(_req: Request, { params }: Ctx) {
  return scriptsApi.revisions(await getCurrentUser(), (await params).id);
}

/** Restores a version: body { version }. */
export async function POST(req: Request, { params }: Ctx) {
  return scriptsApi.restore(await getCurrentUser(), (await params).id, req);
}
