/**
 * One sandboxed Python run: `prlimit` (resource limits) -> `setpriv` (a throwaway user id, when the
 * server runs as root) -> `bwrap` (namespaces, a minimal read-only filesystem) -> `python3`.
 *
 * Contract:
 * - Nothing runs outside bubblewrap. `sandboxAvailability()` says why the sandbox cannot run here
 *   (a binary missing, user namespaces refused); callers report that as status "unavailable" and
 *   never fall back to a bare subprocess.
 * - Inside: new user, pid, network (no interfaces but a down loopback: no internet, no local
 *   services), ipc, uts and cgroup namespaces; a new session (no terminal to inject keystrokes into);
 *   read-only binds of the python interpreter, its standard library and the shared libraries it
 *   loads, nothing else of /usr (no shell or other programs: see pythonBinds), a fresh /proc and a minimal /dev, a size-capped tmpfs at /tmp as the only writable
 *   place and the working directory; no /etc, no /home, no project files; the environment is cleared
 *   and only PATH, LANG and MALLOC_ARENA_MAX are set; no capabilities, no new user namespaces.
 * - Limits (prlimit, per process): CPU seconds, address space, file size, and the number of
 *   processes of the run's user. RLIMIT_NPROC counts every process of a user id and does not apply
 *   to root, so a server running as root gives each semaphore slot its own unused user id
 *   (SANDBOX_UID_BASE + slot); a non-root server's runs share its user id, and their limit is the
 *   user's current process count plus the allowance.
 * - The wall-clock bound and the output cap kill the sandbox's init (the pid bwrap reports on
 *   --info-fd), which takes its whole pid namespace with it, then, should bwrap outlive that, the
 *   whole process group; the result holds what was read; stdout and stderr keep their first
 *   OUTPUT_KEEP_BYTES each.
 * - fd 3 is a pipe the harness reports on (harness.ts); `stopWhen` ends the run as soon as the
 *   report is complete, so stray background processes cannot hold the run open.
 */
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

export type SandboxLimits = {
  /** Wall-clock bound of the whole run, ms. */
  wallMs: number;
  /** RLIMIT_CPU per process, seconds. */
  cpuSeconds: number;
  /** RLIMIT_AS per process, bytes. */
  memoryBytes: number;
  /** Processes (and threads) the run may add: RLIMIT_NPROC. */
  processes: number;
  /** RLIMIT_FSIZE: the largest file the run may write, bytes. */
  fileBytes: number;
  /** Size of the /tmp tmpfs, bytes. */
  scratchBytes: number;
  /** stdout + stderr bytes after which the run is killed. */
  outputBytes: number;
};

export const DEFAULT_LIMITS: SandboxLimits = {
  wallMs: 10_000,
  cpuSeconds: 3,
  memoryBytes: 384 * 1024 * 1024,
  processes: 24,
  fileBytes: 1024 * 1024,
  scratchBytes: 8 * 1024 * 1024,
  outputBytes: 1024 * 1024,
};

/** How much of stdout and of stderr a result keeps. */
export const OUTPUT_KEEP_BYTES = 16 * 1024;
/** The harness's report (fd 3) is cut off here: a report this long is not the harness's. */
const CHANNEL_MAX_BYTES = 512 * 1024;
/** User ids for sandboxed runs when the server runs as root (one per semaphore slot). */
export const SANDBOX_UID_BASE = 64_000;

const BWRAP = ["/usr/bin/bwrap", "/usr/local/bin/bwrap"];
const PRLIMIT = ["/usr/bin/prlimit", "/bin/prlimit"];
const SETPRIV = ["/usr/bin/setpriv", "/bin/setpriv"];
// Only /usr is bound into the sandbox, so only a python3 under /usr can run there.
const PYTHON = ["/usr/bin/python3", "/usr/local/bin/python3"];

export type SandboxTools = {
  bwrap: string;
  prlimit: string;
  setpriv: string | undefined;
  python: string;
  /** Read-only binds: the interpreter (at /usr/bin/python3), its standard library, the shared libraries. */
  binds: { from: string; to: string }[];
};

/**
 * Only what python needs, not all of /usr: no shell, no compilers, no curl in the sandbox, so
 * `subprocess.run(["sh", ...])` finds nothing to run. The interpreter is bound at /usr/bin/python3
 * and finds its standard library from there (prefix /usr); the multiarch and lib64 folders hold
 * the C library, libm, libz, libexpat and the dynamic loader.
 */
function pythonBinds(python: string): SandboxTools["binds"] | { missing: string } {
  const real = realpathSync(python);
  const name = path.basename(real);
  if (!/^python3\.\d+$/.test(name)) return { missing: `${python} is not a versioned python3 (it resolves to ${real})` };
  const stdlib = path.join(path.dirname(path.dirname(real)), "lib", name);
  if (!existsSync(path.join(stdlib, "os.py"))) return { missing: `python's standard library is not at ${stdlib}` };
  const binds = [
    { from: real, to: "/usr/bin/python3" },
    { from: stdlib, to: stdlib },
  ];
  for (const entry of readdirSync("/usr/lib")) if (entry.endsWith("-linux-gnu")) binds.push({ from: `/usr/lib/${entry}`, to: `/usr/lib/${entry}` });
  if (existsSync("/usr/lib64")) binds.push({ from: "/usr/lib64", to: "/usr/lib64" });
  return binds;
}

function firstExecutable(paths: string[]): string | undefined {
  for (const p of paths) {
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here; try the next
    }
  }
  return undefined;
}

/** The binaries the sandbox needs, or the sentence saying which is missing. */
export function findTools(): SandboxTools | { missing: string } {
  const bwrap = firstExecutable(BWRAP);
  const prlimit = firstExecutable(PRLIMIT);
  const python = firstExecutable(PYTHON);
  const setpriv = firstExecutable(SETPRIV);
  if (!bwrap) return { missing: "bubblewrap (bwrap) is not installed (apt-get install bubblewrap)" };
  if (!prlimit) return { missing: "prlimit (util-linux) is not installed" };
  if (!python) return { missing: "python3 is not installed under /usr" };
  if (isRoot() && !setpriv) return { missing: "setpriv (util-linux) is needed to drop root for the sandbox" };
  const binds = pythonBinds(python);
  if ("missing" in binds) return binds;
  return { bwrap, prlimit, setpriv, python, binds };
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Processes the given user owns now (for a non-root server's RLIMIT_NPROC). */
function processCount(uid: number): number {
  let n = 0;
  for (const entry of readdirSync("/proc")) {
    if (entry.charCodeAt(0) < 48 || entry.charCodeAt(0) > 57) continue;
    try {
      if (statSync(`/proc/${entry}`).uid === uid) n++;
    } catch {
      // the process ended while we counted
    }
  }
  return n;
}

/** The full command line: prlimit [setpriv] bwrap ... python3 <pythonArgs>. */
export function sandboxCommand(tools: SandboxTools, slot: number, limits: SandboxLimits, pythonArgs: string[]): string[] {
  const root = isRoot();
  const uid = root ? SANDBOX_UID_BASE + slot : (process.getuid?.() ?? 0);
  // A non-root server's runs count against its own processes, which are already running.
  const nproc = root ? limits.processes : processCount(uid) + limits.processes;
  const cmd = [
    tools.prlimit,
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
    `--as=${limits.memoryBytes}`,
    `--nproc=${nproc}`,
    `--fsize=${limits.fileBytes}`,
    `--core=0`,
    "--",
  ];
  if (root) cmd.push(tools.setpriv!, `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--no-new-privs");
  cmd.push(
    tools.bwrap,
    "--unshare-all",
    // --unshare-all only tries a user namespace; require it (and forbid nested ones).
    "--unshare-user",
    "--disable-userns",
    "--die-with-parent",
    // bwrap reports the sandbox's init pid here: killing that one process ends the sandbox's pid
    // namespace while bwrap itself stays to reap it (killing bwrap instead leaves the init to the
    // host's pid 1, a zombie until it gets round to it, counted against RLIMIT_NPROC meanwhile).
    "--info-fd",
    "4",
    "--new-session",
    "--cap-drop",
    "ALL",
    ...tools.binds.flatMap((b) => ["--ro-bind", b.from, b.to]),
    // The merged-usr layout the loader's paths (/lib64/ld-linux-*.so.2) expect.
    "--symlink",
    "usr/lib",
    "/lib",
    "--symlink",
    "usr/lib64",
    "/lib64",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    // --dev is a writable tmpfs too; its device nodes (/dev/null...) stay usable read-only.
    "--remount-ro",
    "/dev",
    "--size",
    String(limits.scratchBytes),
    "--tmpfs",
    "/tmp",
    "--chdir",
    "/tmp",
    // bwrap's root is a writable tmpfs: make it read-only once everything is mounted (/tmp stays writable).
    "--remount-ro",
    "/",
    "--clearenv",
    "--setenv",
    "PATH",
    "/usr/bin",
    "--setenv",
    "LANG",
    "C.UTF-8",
    // Not a secret but a necessity: glibc reserves a 64 MiB malloc arena per thread, so under
    // RLIMIT_AS a handful of threads would exhaust the address space before using any memory.
    "--setenv",
    "MALLOC_ARENA_MAX",
    "2",
    "--",
    "/usr/bin/python3",
    // -I: ignore PYTHON* variables and the user site; -S: no site module; -B: write no .pyc.
    "-I",
    "-S",
    "-B",
    ...pythonArgs,
  );
  return cmd;
}

export type SandboxRun = {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** What the harness wrote on fd 3. */
  channel: string;
  timedOut: boolean;
  outputLimited: boolean;
  /** The run failed to start at all (spawn error). */
  spawnError?: string;
  durationMs: number;
};

export type SandboxInput = {
  tools: SandboxTools;
  /** The semaphore slot this run holds (picks its user id when root). */
  slot: number;
  limits: SandboxLimits;
  /** Arguments after `python3 -I -S -B`, e.g. ["-c", source]. */
  pythonArgs: string[];
  stdin: string;
  /** Called with the fd-3 text so far; true ends the run (the report is complete). */
  stopWhen?: (channel: string) => boolean;
};

/** Runs python3 in the sandbox; never rejects (a failure to start is `spawnError`). */
export function runSandboxed(input: SandboxInput): Promise<SandboxRun> {
  const [command, ...args] = sandboxCommand(input.tools, input.slot, input.limits, input.pythonArgs);
  const started = performance.now();
  return new Promise((resolve) => {
    // detached: its own process group, so one kill reaches prlimit/bwrap and everything under it.
    // The environment is not inherited: bwrap clears it anyway, but prlimit and setpriv need none.
    // (Next's typings require NODE_ENV in every env object; this one deliberately holds PATH alone.)
    const env = { PATH: "/usr/bin:/bin" } as unknown as NodeJS.ProcessEnv;
    const child = spawn(command!, args, { stdio: ["pipe", "pipe", "pipe", "pipe", "pipe"], detached: true, env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outKept = 0;
    let errKept = 0;
    let outputTotal = 0;
    let channel = "";
    let timedOut = false;
    let outputLimited = false;
    let stopped = false;
    let spawnError: string | undefined;

    let sandboxInit: number | undefined;
    let info = "";
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    let groupTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      if (sandboxInit === undefined) return killGroup();
      try {
        process.kill(sandboxInit, "SIGKILL");
      } catch {
        // already gone
      }
      groupTimer = setTimeout(killGroup, 500);
    };
    (child.stdio[4] as NodeJS.ReadableStream).on("data", (c: Buffer) => {
      info += c.toString("utf8");
      const pid = /"child-pid"\s*:\s*(\d+)/.exec(info.slice(0, 4096));
      if (pid) sandboxInit = Number(pid[1]);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, input.limits.wallMs);

    const keep = (chunks: Buffer[], kept: number, chunk: Buffer): number => {
      if (kept >= OUTPUT_KEEP_BYTES) return kept;
      const part = chunk.subarray(0, OUTPUT_KEEP_BYTES - kept);
      chunks.push(part);
      return kept + part.length;
    };
    // After a stop, output still in the pipes is read (the harness's last prints arrive after its
    // report); only after the output cap is everything further ignored.
    const onOutput = (chunk: Buffer, isErr: boolean) => {
      if (outputLimited) return;
      outputTotal += chunk.length;
      if (isErr) errKept = keep(err, errKept, chunk);
      else outKept = keep(out, outKept, chunk);
      if (outputTotal > input.limits.outputBytes) {
        outputLimited = true;
        stop();
      }
    };
    child.stdout!.on("data", (c: Buffer) => onOutput(c, false));
    child.stderr!.on("data", (c: Buffer) => onOutput(c, true));
    const fd3 = child.stdio[3] as NodeJS.ReadableStream;
    fd3.on("data", (c: Buffer) => {
      if (outputLimited) return;
      channel += c.toString("utf8");
      if (channel.length > CHANNEL_MAX_BYTES) {
        outputLimited = true;
        stop();
      } else if (input.stopWhen?.(channel)) stop();
    });
    child.stdin!.on("error", () => {
      // the sandbox may exit before reading all of stdin (a startup failure); the exit says why
    });
    child.on("error", (error) => {
      spawnError = error.message;
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      clearTimeout(groupTimer);
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        channel,
        timedOut,
        outputLimited,
        spawnError,
        durationMs: performance.now() - started,
      });
    });
    child.stdin!.end(input.stdin);
  });
}
