/** Only same-site paths are followed after sign-in: an open redirect would let a link send users elsewhere. */
export function safeCallbackUrl(value: string | undefined | null, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
