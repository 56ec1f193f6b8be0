import { getCurrentUser } from "@/lib/auth/current-user";
import { scriptsApi } from "@/lib/scripts/api";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export async function GET(_req: Request, { params }: Ctx) {
  return scriptsApi.shareList(await getCurrentUser(), (await params).id);
}

export async function POST(req: Request, { params }: Ctx) {
  return scriptsApi.shareCreate(await getCurrentUser(), (await params).id, req);
}
