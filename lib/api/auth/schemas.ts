/** POST /api/auth/sign-up: what it answers on success (201), shared with the sign-up form. Client-safe. */
import "../browser-zod.ts";
import { z } from "zod";
import { roleSchema } from "../../auth/schemas.ts";

export const signUpResponseSchema = z.object({ user: z.object({ id: z.string(), name: z.string(), role: roleSchema }) });
