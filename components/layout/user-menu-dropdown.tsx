"use client";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { accountMenuName, TRIGGER_CLASS, type UserMenuProps } from "./user-menu";

/** The account menu itself (Radix + next-auth's client): loaded on first use, see user-menu.tsx. */
export default function UserMenuDropdown({ name, email, role, initials, defaultOpen }: UserMenuProps & { initials: string; defaultOpen: boolean }) {
  const router = useRouter();
  // redirect: false keeps the navigation on this origin whatever NEXTAUTH_URL says.
  async function onSignOut() {
    await signOut({ redirect: false });
    router.push("/");
    router.refresh();
  }
  const item =
    "flex cursor-pointer select-none items-center rounded-md px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger aria-label={accountMenuName(name, initials)} className={TRIGGER_CLASS}>
        {initials || "?"}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div className="px-2 py-1.5">
            <p className="text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-zinc-500">{email}</p>
            <p className="mt-0.5 text-xs capitalize text-zinc-500">{role}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Item asChild className={item}>
            <Link href="/settings">Settings</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={item} onSelect={() => void onSignOut()}>
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
