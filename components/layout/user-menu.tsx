"use client";
import dynamic from "next/dynamic";
import { useState } from "react";

export type UserMenuProps = { name: string; email: string; role: string };

export const TRIGGER_CLASS =
  "inline-flex h-9 w-9 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500";

/** The trigger's name includes the initials it shows (a visible label must be part of the name). */
export function accountMenuName(name: string, initials: string): string {
  return initials ? `Account menu for ${name}, ${initials}` : `Account menu for ${name}`;
}

const UserMenuDropdown = dynamic(() => import("./user-menu-dropdown"), {
  ssr: false,
  // While the menu code arrives (usually prefetched on hover), keep the trigger's place.
  loading: () => <span aria-hidden="true" className={TRIGGER_CLASS} />,
});

/**
 * The account menu on every page. Its menu code (Radix, next-auth's client) is fetched on first
 * use, not with every page: it would cost ~40 kB of JavaScript (gzipped) that most page views never
 * run. The trigger looks and is named the same before and after.
 */
export function UserMenu(props: UserMenuProps) {
  const [opened, setOpened] = useState(false);
  const initials = props.name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  if (opened) return <UserMenuDropdown {...props} initials={initials} defaultOpen />;
  return (
    <button
      type="button"
      aria-label={accountMenuName(props.name, initials)}
      aria-haspopup="menu"
      aria-expanded={false}
      className={TRIGGER_CLASS}
      onPointerEnter={() => void import("./user-menu-dropdown")}
      onClick={() => setOpened(true)}
    >
      {initials || "?"}
    </button>
  );
}
