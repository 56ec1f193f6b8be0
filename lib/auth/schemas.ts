/** Sign-up and sign-in input, shared by the forms (client) and the server. */
import { z } from "zod";

/** guest: an invited candidate (lib/invitations), made when they consent; it never signs in. */
export const ROLES = ["candidate", "recruiter", "admin", "guest"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * PostgreSQL's text cannot hold NUL characters (SQLite's can): refused here, so both databases
 * answer the same 400 instead of a driver error.
 */
export const NUL_MESSAGE = "Text cannot contain NUL characters (\\u0000).";
const NO_NUL = /^[^\u0000]*$/;

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .regex(NO_NUL, NUL_MESSAGE)
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .regex(NO_NUL, NUL_MESSAGE)
  .min(10, "Use at least 10 characters.")
  .max(128, "Use at most 128 characters.")
  .refine((p) => /[a-zA-Z]/.test(p) && /[^a-zA-Z]/.test(p), "Mix letters with digits or symbols.");

export const signUpSchema = z.object({
  name: z.string({ error: "Enter your name." }).regex(NO_NUL, NUL_MESSAGE).trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: emailSchema,
  password: passwordSchema,
  /** Only candidate or recruiter can be chosen at sign-up; admins are made by an admin. */
  role: z.enum(["candidate", "recruiter"]).default("candidate"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().regex(NO_NUL, NUL_MESSAGE).min(1, "Enter your password.").max(128, "Use at most 128 characters."),
});
