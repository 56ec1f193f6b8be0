import { getCurrentUser } from "@/lib/auth/current-user";
import { scriptsApi } from "@/lib/scripts/api";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export async function GET(_req: Request, { params }: Ctx) {
  return scriptsApi.get(await getCurrentUser(), (await params).id);
}

export async function PUT(req: Request, { params }: Ctx) {
  return scriptsApi.save(await getCurrentUser(), (await params).id, req);
}

export async function DELETE(_req: Request, { params }: Ctx) {
  return scriptsApi.remove(await getCurrentUser(), (await params).id);
}
