/**
 * The Python harness that runs inside the sandbox (lib/code-runner/sandbox.ts), and the payload it reads.
 *
 * Contract: the harness reads one JSON payload ({ nonce, code, checks, checkTimeoutMs }) from stdin
 * and closes stdin before any candidate code runs. It compiles the candidate's code once (a
 * SyntaxError is one "syntax" record), then runs each check in its own forked child: the child
 * executes the candidate's code in a fresh namespace, then the check's statements in that
 * namespace, and reports { outcome, message } on a pipe of its own; the parent kills a child that
 * outlives checkTimeoutMs. So every check starts from fresh module state, and one check's infinite
 * loop or crash costs only that check.
 *
 * Results channel, and why candidate output cannot forge it: records are JSON lines on fd 3, not on
 * stdout. The harness moves fd 3 to a non-inheritable descriptor and closes it in every child before
 * candidate code runs, so code under test cannot write there at all; whatever it prints goes to
 * stdout/stderr, which the server shows but never parses. Each record also carries the run's nonce
 * (random per run, sent on stdin and never in argv or the environment), and the server drops records
 * without it: a second lock in case a future harness change ever lets candidate code near fd 3.
 * What this does not (and cannot, as built) prevent: candidate code runs in the same process as
 * its check, so code written to game the grader can read the run's checks and fake verdicts (patch
 * `AssertionError`, write to the verdict pipe). The sandbox's job is to protect the server, and that
 * does not rest on the verdicts; the verdicts are evidence to read with the code (the recruiter's
 * review says so), not proof. Closing this needs the comparison outside the candidate's process.
 */

export type HarnessPayload = {
  nonce: string;
  code: string;
  checks: { name: string; code: string }[];
  checkTimeoutMs: number;
};

/** Outcomes a check can have, as the harness reports them. */
export const CHECK_OUTCOMES = ["passed", "failed", "error", "timeout", "memory", "crashed"] as const;

// String.raw: the Python source holds "\n" escapes that must reach Python as written.
export const HARNESS_SOURCE = String.raw`
import json, os, select, signal, sys, time, traceback

MESSAGE_LIMIT = 2000
VERDICT_LIMIT = 16384


def main():
    payload = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    sys.stdin.close()
    os.close(0)
    nonce = payload["nonce"]
    # The result channel: fd 3, moved to a private fd that no child inherits.
    results = os.dup(3)
    os.close(3)
    os.set_inheritable(results, False)

    def emit(record):
        record["nonce"] = nonce
        os.write(results, (json.dumps(record) + "\n").encode("utf-8"))

    try:
        program = compile(payload["code"], "<your code>", "exec")
    except SyntaxError as error:
        emit({"kind": "syntax", "message": f"SyntaxError: {error.msg} (line {error.lineno})"})
        emit({"kind": "done"})
        return
    for index, check in enumerate(payload["checks"]):
        emit(run_check(index, program, check, payload["checkTimeoutMs"] / 1000, results))
    emit({"kind": "done"})


def run_check(index, program, check, timeout, results):
    source = check["code"]
    try:
        compiled = compile(source, "<check>", "exec")
    except SyntaxError as error:
        return {"kind": "check", "index": index, "outcome": "error", "message": f"the check does not compile: {error.msg}"}
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        os.close(results)
        me = os.getpid()
        verdict = run_in_child(program, compiled, source)
        if os.getpid() != me:
            # a process the candidate's code forked got here: only the check's own process reports
            os._exit(0)
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:
            pass
        try:
            os.write(write_end, json.dumps(verdict).encode("utf-8")[:VERDICT_LIMIT])
        finally:
            os._exit(0)
    os.close(write_end)
    deadline = time.monotonic() + timeout
    chunks = []
    size = 0
    timed_out = False
    status = None
    while size <= VERDICT_LIMIT:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([read_end], [], [], min(left, 0.05))
        if ready:
            chunk = os.read(read_end, 8192)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            continue
        # Processes the check forked inherit the pipe and may hold it open: the check is over when
        # its own process is, whatever they do.
        finished, waited = os.waitpid(pid, os.WNOHANG)
        if finished:
            status = waited
            while size <= VERDICT_LIMIT and select.select([read_end], [], [], 0)[0]:
                chunk = os.read(read_end, 8192)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            break
    os.close(read_end)
    if timed_out:
        os.kill(pid, signal.SIGKILL)
    if status is None:
        _, status = os.waitpid(pid, 0)
    if timed_out:
        return {"kind": "check", "index": index, "outcome": "timeout", "message": f"timed out after {timeout:g} s"}
    try:
        verdict = json.loads(b"".join(chunks).decode("utf-8"))
        outcome, message = str(verdict["outcome"]), str(verdict["message"])
    except Exception:
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig in (signal.SIGXCPU, signal.SIGKILL):
                return {"kind": "check", "index": index, "outcome": "timeout", "message": f"stopped by the CPU limit (signal {sig})"}
            return {"kind": "check", "index": index, "outcome": "crashed", "message": f"killed by signal {sig}"}
        return {"kind": "check", "index": index, "outcome": "crashed", "message": f"exited with status {os.waitstatus_to_exitcode(status)} before the check finished"}
    return {"kind": "check", "index": index, "outcome": outcome, "message": message[:MESSAGE_LIMIT]}


def run_in_child(program, compiled, source):
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    try:
        exec(program, namespace)
    except MemoryError:
        return {"outcome": "memory", "message": "MemoryError while running your code"}
    except BaseException as error:
        return {"outcome": "error", "message": f"your code raised {describe(error)}"}
    try:
        exec(compiled, namespace)
    except AssertionError as error:
        # The author's message when the assert has one; never the check's own line (the checks stay hidden).
        text = str(error)
        return {"outcome": "failed", "message": text or "the check's assertion failed"}
    except MemoryError:
        return {"outcome": "memory", "message": "MemoryError"}
    except BaseException as error:
        return {"outcome": "error", "message": describe(error)}
    return {"outcome": "passed", "message": ""}


def describe(error):
    try:
        text = str(error)
    except BaseException:
        text = ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


main()
`;
