"use client";
import { signIn } from "next-auth/react";
import { Button } from "../ui/button";

/** "Sign in with …" for the OAuth providers this server has configured (none by default). */
export function OAuthButtons({ providers, callbackUrl }: { providers: { id: string; label: string }[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 space-y-2">
      <p className="text-center text-xs uppercase tracking-wide text-zinc-500">or</p>
      {providers.map((p) => (
        <Button key={p.id} type="button" variant="secondary" className="w-full" onClick={() => void signIn(p.id, { callbackUrl })}>
          Sign in with {p.label}
        </Button>
      ))}
    </div>
  );
}
