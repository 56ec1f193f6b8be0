/**
 * Zod without eval in the browser. The pages' Content-Security-Policy has no 'unsafe-eval'
 * (lib/http/security-headers.ts), and zod's JIT probes for it with new Function() as soon as an
 * object schema is built: a reported violation, though the probe's error is caught. In the browser
 * zod is told to parse without it, before any schema exists: every client-safe module of lib/api
 * that builds schemas imports this module first (module order: it runs before the imports after it).
 * The server keeps the JIT.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
