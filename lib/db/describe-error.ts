/** One clear line for a database that cannot be used, instead of a driver's stack trace. */
export function describeDatabaseError(error: unknown, url: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string })?.code;
  const where = redactUrl(url);
  if (code === "ECONNREFUSED" || /ECONNREFUSED|DatabaseNotReachable|connect ECONN|Can.t reach database server/.test(message)) {
    return `cannot reach the database at ${where}: connection refused (is PostgreSQL running?)`;
  }
  if (code === "ENOTFOUND" || /ENOTFOUND|getaddrinfo/.test(message)) return `cannot reach the database at ${where}: unknown host`;
  if (code === "3D000" || /does not exist|DatabaseDoesNotExist/.test(message)) return `the database at ${where} does not exist: create it first`;
  if (code === "28P01" || code === "28000" || /authentication|AuthenticationFailed|password/i.test(message)) {
    return `the database at ${where} refused the credentials`;
  }
  if (/SQLITE_CANTOPEN|unable to open database|EACCES|EROFS/.test(message)) return `cannot open the SQLite file ${where}: check the path and permissions`;
  if (/timeout|SocketTimeout/i.test(message)) return `the database at ${where} did not answer in time`;
  return `database error at ${where}: ${message.split("\n")[0]}`;
}

/** Hides the password of a connection URL. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url.replace(/:\/\/([^:@/]+):[^@/]*@/, "://$1:***@");
  }
}
