/**
 * Outgoing mail (password-reset links only), through SMTP_URL with nodemailer. Never called when
 * SMTP_URL is unset. The link is in the body only: nothing here logs it.
 */
import "server-only";
import nodemailer from "nodemailer";
import { env } from "../env.ts";

let transport: nodemailer.Transporter | undefined;

function transporter(): nodemailer.Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  transport ??= nodemailer.createTransport(url);
  return transport;
}

export async function sendResetEmail({ to, link, minutes }: { to: string; link: string; minutes: number }): Promise<void> {
  await transporter().sendMail({
    from: env().MAIL_FROM,
    to,
    subject: "Reset your Interview Studio password",
    text: [
      "Someone (we hope you) asked to reset the password of your Interview Studio account.",
      "",
      `Open this link within ${minutes} minutes to choose a new password. It works once:`,
      link,
      "",
      "If you did not ask, ignore this email: your password stays as it is.",
    ].join("\n"),
  });
}

/** Tests change SMTP_URL between cases. */
export function resetMailerForTests(): void {
  transport = undefined;
}
