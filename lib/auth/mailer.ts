/**
 * Outgoing mail (password-reset links, interview invitations), through SMTP_URL with nodemailer.
 * Never called when SMTP_URL is unset. Links are in the body only: nothing here logs them.
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

/** An invitation to take an interview (lib/invitations): who invites, how long it takes, the deadline, the link. */
export async function sendInvitationEmail(invite: {
  to: string;
  candidateName: string;
  inviterName: string;
  kitTitle: string;
  minutes: number;
  expiresAt: Date;
  link: string;
}): Promise<void> {
  const deadline = invite.expiresAt.toUTCString();
  await transporter().sendMail({
    from: env().MAIL_FROM,
    to: invite.to,
    subject: `${invite.inviterName} invites you to an interview: ${invite.kitTitle}`,
    text: [
      `Hello ${invite.candidateName},`,
      "",
      `${invite.inviterName} invites you to take the interview "${invite.kitTitle}" on Interview Studio, on your own time.`,
      `It takes about ${invite.minutes} minutes: you type your answers, and an interviewer asks follow-up questions.`,
      `Open this link before ${deadline} to start. Before you start, the page tells you what is recorded:`,
      invite.link,
      "",
      "The link is yours: do not forward it.",
    ].join("\n"),
  });
}

/** Tests change SMTP_URL between cases. */
export function resetMailerForTests(): void {
  transport = undefined;
}
