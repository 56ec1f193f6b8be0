import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ButtonLink } from "../ui/button";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const user = await getCurrentUser();
  const links = [
    { href: "/practice", label: "Practice" },
    { href: "/sessions", label: "Sessions" },
    { href: "/progress", label: "Progress" },
    { href: "/bank", label: "Bank" },
    ...(user && (user.role === "recruiter" || user.role === "admin")
      ? [
          { href: "/kits", label: "Kits" },
          { href: "/library", label: "Library" },
        ]
      : []),
  ];
  return (
    <header
      data-site-header
      className="relative z-40 sm:sticky sm:top-0 border-b border-zinc-200 bg-white/85 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/85"
    >
      <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-4 px-4 sm:h-14 sm:flex-nowrap">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden="true" className="inline-flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm text-white">
            IS
          </span>
          {/* On a phone only the mark shows; the name stays for screen readers (the link's name). */}
          <span className="sr-only sm:not-sr-only">Interview Studio</span>
        </Link>
        <NavLinks links={links} />
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle />
          {user ? (
            <UserMenu name={user.name} email={user.email} role={user.role} />
          ) : (
            <>
              <ButtonLink href="/sign-in" variant="ghost" size="sm">
                Sign in
              </ButtonLink>
              <ButtonLink href="/sign-up" size="sm">
                Sign up
              </ButtonLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
