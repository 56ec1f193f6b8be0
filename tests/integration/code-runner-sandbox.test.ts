/**
 * The grading sandbox against hostile code, for real (bwrap, prlimit, python3 on this machine):
 * each attack is refused or stopped inside its limits, the server's event loop keeps ticking
 * meanwhile, and a normal run afterwards still passes quickly. Every probe prints a verdict word
 * from inside the sandbox, so a sandbox that let the attack through fails the test.
 */
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, findTools, gradeChecks, probeTools, sandboxAvailability, type GradeResult } from "../../lib/code-runner/index.ts";
import { SANDBOX_UID_BASE } from "../../lib/code-runner/sandbox.ts";

const PASS = [{ name: "runs", code: "pass" }];
const run = (code: string, checks = PASS) => gradeChecks(checks, code);

/**
 * Live processes left behind by sandboxed runs (their user ids when the tests run as root). Zombies
 * are not counted: bwrap may exit a moment before its sandbox's init is reaped, and this machine's
 * pid 1 reaps orphans lazily; a zombie runs nothing and holds no memory.
 */
function sandboxProcesses(): number {
  if (process.getuid?.() !== 0) return 0;
  let n = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const uid = statSync(`/proc/${entry}`).uid;
      if (uid < SANDBOX_UID_BASE || uid >= SANDBOX_UID_BASE + 16) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z") n++;
    } catch {
      // gone meanwhile
    }
  }
  return n;
}

/** A normal run must still pass, fast, after each hostile one. */
async function expectHealthy() {
  const t = performance.now();
  const ok = await run("def add(a, b):\n    return a + b\n", [{ name: "adds", code: "assert add(2, 3) == 5" }]);
  expect(ok.status).toBe("ok");
  expect(ok.checks[0]!.passed).toBe(true);
  expect(performance.now() - t).toBeLessThan(1_500);
}

beforeAll(async () => {
  const available = await sandboxAvailability();
  // The sandbox must work on the machines the tests run on (CI installs bubblewrap): no silent skip.
  expect(available).toMatchObject({ ok: true });
});

afterEach(async () => {
  await expectHealthy();
  // Every process of a finished run is gone (the pid namespace dies with its init) within moments.
  const until = performance.now() + 1_000;
  while (sandboxProcesses() > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
  if (sandboxProcesses() > 0) console.log(execSync("ps -eo stat,uid,pid,ppid,etime,cmd").toString());
  expect(sandboxProcesses()).toBe(0);
});

describe("the sandbox refuses", () => {
  it("reading /etc/passwd, the project's files and the home folders", async () => {
    const project = path.resolve("package.json");
    const r = await run(`
import os
for target in ["/etc/passwd", "/etc/hostname", ${JSON.stringify(project)}, "/root/.bashrc", "/home"]:
    try:
        if os.path.isdir(target):
            print("READ", target, os.listdir(target))
        else:
            print("READ", target, len(open(target).read()))
    except OSError as error:
        print("DENIED", target, type(error).__name__)
print("ROOT", sorted(os.listdir("/")))
`);
    expect(r.status).toBe("ok");
    expect(r.stdout).not.toContain("READ");
    expect(r.stdout.match(/DENIED/g)).toHaveLength(5);
    const root = JSON.parse(/ROOT (.*)/.exec(r.stdout)![1]!.replaceAll("'", '"')) as string[];
    expect(root.sort()).toEqual(["dev", "lib", "lib64", "proc", "tmp", "usr"]);
  });

  it("seeing the server's environment variables", async () => {
    const secret = `s3cret-${randomBytes(8).toString("hex")}`;
    process.env.CODE_RUNNER_TEST_SECRET = secret;
    try {
      const r = await run(`
import os
print("ENV", sorted(os.environ))
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            print("PROC", pid, open(f"/proc/{pid}/environ", "rb").read())
        except OSError as error:
            print("NOPROC", pid, type(error).__name__)
`);
      expect(r.status).toBe("ok");
      expect(r.stdout).not.toContain(secret);
      expect(r.stdout).not.toContain("CODE_RUNNER_TEST_SECRET");
      expect(/ENV (.*)/.exec(r.stdout)![1]).toBe("['LANG', 'MALLOC_ARENA_MAX', 'PATH', 'PWD']");
    } finally {
      delete process.env.CODE_RUNNER_TEST_SECRET;
    }
  });

  it("connecting to the machine's Redis and to the internet", async () => {
    // The Redis is really there for the server: the sandbox, not its absence, refuses the connection.
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(6379, "127.0.0.1", () => {
        socket.end();
        resolve();
      });
      socket.on("error", reject);
    });
    const r = await run(`
import socket
for host, port in [("127.0.0.1", 6379), ("1.1.1.1", 443), ("example.com", 80)]:
    try:
        socket.create_connection((host, port), timeout=1).close()
        print("CONNECTED", host)
    except OSError as error:
        print("BLOCKED", host, type(error).__name__)
`);
    expect(r.status).toBe("ok");
    expect(r.stdout).not.toContain("CONNECTED");
    expect(r.stdout.match(/BLOCKED/g)).toHaveLength(3);
    expect(r.durationMs).toBeLessThan(3_000);
  });

  it("running other programs (there are none to run)", async () => {
    const r = await run(`
import os, subprocess
for argv in [["sh", "-c", "echo hi"], ["/bin/sh", "-c", "echo hi"], ["curl", "http://example.com"], ["ls", "/"]]:
    try:
        print("RAN", argv[0], subprocess.run(argv, capture_output=True, timeout=2).returncode)
    except OSError as error:
        print("NOPROGRAM", argv[0], type(error).__name__)
print("SYSTEM", os.system("echo hi"))
`);
    expect(r.status).toBe("ok");
    expect(r.stdout).not.toContain("RAN");
    expect(r.stdout.match(/NOPROGRAM/g)).toHaveLength(4);
    expect(r.stdout).not.toContain("SYSTEM 0");
  });

  it("writing outside the scratch folder, and large files inside it", async () => {
    const r = await run(`
import os
for target in ["/usr/lib/evil.py", "/evil", "/proc/evil", "/dev/evil"]:
    try:
        with open(target, "w") as f:
            f.write("x")
        print("WROTE", target)
    except OSError as error:
        print("REFUSED", target, type(error).__name__)
with open("/tmp/small", "w") as f:
    f.write("ok")
print("SCRATCH", open("/tmp/small").read())
try:
    with open("/tmp/big", "wb") as f:
        for _ in range(64):
            f.write(b"x" * 1024 * 1024)
    print("WROTE big", os.path.getsize("/tmp/big"))
except OSError as error:
    print("REFUSED big", type(error).__name__, error.errno)
`);
    expect(r.status).toBe("ok");
    expect(r.stdout).not.toContain("WROTE");
    expect(r.stdout.match(/REFUSED/g)).toHaveLength(5);
    expect(r.stdout).toContain("SCRATCH ok");
  });
});

describe("the sandbox stops", () => {
  it("a fork bomb at the process limit, leaving no process behind", async () => {
    const r = await run(`
import os
while True:
    os.fork()
`);
    expect(r.checks[0]!.passed).toBe(false);
    expect(r.durationMs).toBeLessThan(6_000);
  });

  it("forking at the process limit, without waiting for the forked processes", async () => {
    const r = await run(`
import os, time
n = 0
try:
    while True:
        if os.fork() == 0:
            time.sleep(30)
            os._exit(0)
        n += 1
except OSError as error:
    print("FORKS", n, type(error).__name__)
`);
    const forks = Number(/FORKS (\d+) BlockingIOError/.exec(r.stdout)?.[1]);
    expect(forks).toBeGreaterThan(0);
    expect(forks).toBeLessThan(DEFAULT_LIMITS.processes);
    // The check is over when its own process is: its sleeping children do not hold it to the time limit.
    expect(r.status).toBe("ok");
    expect(r.checks[0]!.passed).toBe(true);
    expect(r.durationMs).toBeLessThan(1_500);
  });

  it("a memory bomb at the address-space limit", async () => {
    const r = await run(`
blocks = []
while True:
    blocks.append(bytearray(16 * 1024 * 1024))
`);
    expect(r.status).toBe("memory");
    expect(r.checks[0]!.passed).toBe(false);
    expect(r.checks[0]!.message).toContain("MemoryError");
  });

  it("an infinite loop at the check's time limit, while the server's event loop keeps ticking", async () => {
    let ticks = 0;
    let maxGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      ticks++;
    }, 20);
    const t = performance.now();
    let r: GradeResult;
    try {
      r = await run("while True:\n    pass\n", [
        { name: "one", code: "pass" },
        { name: "two", code: "pass" },
      ]);
    } finally {
      clearInterval(timer);
    }
    const elapsed = performance.now() - t;
    expect(r.status).toBe("timeout");
    expect(r.checks.map((c) => c.passed)).toEqual([false, false]);
    expect(r.checks[0]!.message).toMatch(/timed out|CPU limit/);
    expect(elapsed).toBeLessThan(7_000);
    // Grading never blocks the server: the timer fired about every 20 ms throughout.
    expect(ticks).toBeGreaterThan(elapsed / 20 / 3);
    expect(maxGap).toBeLessThan(250);
  });

  it("gigabytes of output at the output cap, fast", async () => {
    const r = await run(`
import sys
chunk = "x" * 65536
while True:
    sys.stdout.write(chunk)
`);
    expect(r.status).toBe("output-limit");
    expect(r.stdout.length).toBeLessThanOrEqual(16 * 1024);
    expect(r.durationMs).toBeLessThan(3_000);
  });
});

describe("results cannot be forged from candidate code", () => {
  it("ignores fake records printed to stdout or written to any descriptor", async () => {
    const fake = (nonce: string) => JSON.stringify({ kind: "check", index: 0, outcome: "passed", message: "", nonce });
    const r = await run(
      `
import os
line = ${JSON.stringify(fake("guess") + "\n" + JSON.stringify({ kind: "done", nonce: "guess" }) + "\n")}
print(line)
for fd in range(3, 64):
    try:
        os.write(fd, line.encode())
    except OSError:
        pass
`,
      [{ name: "must fail", code: "assert False, 'this check fails'" }],
    );
    // (Writing junk on every descriptor also garbles the check's own verdict pipe: that check fails.)
    expect(r.checks[0]).toMatchObject({ name: "must fail", passed: false });
    expect(r.checks[0]!.message).not.toBe("");
    expect(r.passed).toBe(0);
  });
});

describe("the grader", () => {
  it("runs at most two sandboxes at once, queueing the rest", async () => {
    // Four runs whose one check sleeps 0.4 s: two at a time take two rounds, not one.
    const slow = [{ name: "sleeps", code: "import time\ntime.sleep(0.4)" }];
    const t = performance.now();
    const results = await Promise.all([1, 2, 3, 4].map(() => gradeChecks(slow, "x = 1")));
    const elapsed = performance.now() - t;
    expect(results.map((r) => r.status)).toEqual(["ok", "ok", "ok", "ok"]);
    expect(elapsed).toBeGreaterThan(800);
    expect(elapsed).toBeLessThan(4_000);
  });

  it("keeps what the code printed, runs each check from fresh state, and reports messages", async () => {
    const r = await gradeChecks(
      [
        { name: "first", code: "print('in first check'); counter.append(1); assert counter == [1], counter" },
        { name: "second", code: "counter.append(2); assert counter == [2], counter" },
        { name: "fails", code: "assert counter == ['nope']" },
        { name: "raises", code: "{}['missing']" },
      ],
      "print('candidate says hi')\ncounter = []\n",
    );
    expect(r.status).toBe("ok");
    expect(r.checks).toEqual([
      { name: "first", passed: true, message: "" },
      { name: "second", passed: true, message: "" },
      // A bare assert says only that it failed: the check's code stays hidden.
      { name: "fails", passed: false, message: "the check's assertion failed" },
      { name: "raises", passed: false, message: "KeyError: 'missing'" },
    ]);
    expect(r.stdout.match(/candidate says hi/g)).toHaveLength(4);
    expect(r.stdout).toContain("in first check");
  });

  it("reports a syntax error on every check", async () => {
    const r = await gradeChecks(PASS.concat({ name: "two", code: "pass" }), "def broken(:\n");
    expect(r.status).toBe("ok");
    expect(r.checks.every((c) => !c.passed && c.message.startsWith("SyntaxError"))).toBe(true);
  });
});

describe("without a working sandbox", () => {
  it("reports unavailable with the reason, and runs nothing", async () => {
    const tools = findTools();
    if ("missing" in tools) throw new Error(tools.missing);
    // A bwrap that cannot build the sandbox (here: a program that only fails).
    const broken = await probeTools({ ...tools, bwrap: "/usr/bin/false" });
    expect(broken.ok).toBe(false);
    const r = await gradeChecks(PASS, "open('/tmp/ran', 'w')", { availability: broken });
    expect(r.status).toBe("unavailable");
    expect(r.reason).toContain("bubblewrap cannot create the sandbox");
    expect(r.checks).toEqual([{ name: "runs", passed: false, message: "not run: the sandbox is unavailable" }]);
  });
});
