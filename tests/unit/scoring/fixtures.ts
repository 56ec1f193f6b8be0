/** Small in-test questions for the scorer's specification tests (not the real bank). */
import type { Question } from "../../../lib/bank/schema.ts";

const hash = "0".repeat(64);

export const gil: Question = {
  id: "test-gil",
  bankId: "test",
  title: "What is the GIL and what are its implications?",
  prompt: "What is the GIL and what are its implications?",
  topic: "Concurrency",
  difficulty: "hard",
  tags: [],
  minutes: 5,
  reference:
    "The Global Interpreter Lock is a mutex in CPython that lets only one thread execute Python bytecode at a time. " +
    "It exists because reference counting is not thread-safe. Threads do not speed up CPU-bound code; use multiprocessing. " +
    "The GIL is released during blocking I/O, so threads help for I/O-bound work. It does not make your code thread-safe.",
  keyPoints: [
    {
      id: "gil-definition",
      weight: 5,
      text: "The GIL is a mutex in CPython that lets only one thread execute Python bytecode at a time, even on a multi-core machine.",
      terms: ["global interpreter lock", "one thread executes bytecode at a time", "mutex", "even on multiple cores"],
      code: [],
    },
    {
      id: "cpu-bound-no-speedup",
      weight: 5,
      text: "Threads do not speed up pure-Python CPU-bound work: the threads take turns holding the GIL.",
      terms: ["cpu-bound", "no speedup", "threads take turns", "runs effectively sequentially"],
      code: [],
    },
    {
      id: "gil-released",
      weight: 4,
      text: "The GIL is released around blocking I/O and time.sleep, so threads do help for I/O-bound work.",
      terms: ["released during i/o", "blocking i/o", "i/o-bound", "waiting on the network"],
      code: ["time.sleep"],
    },
    {
      id: "workarounds",
      weight: 5,
      text: "For CPU-bound parallelism use processes (multiprocessing, ProcessPoolExecutor), each with its own interpreter and GIL.",
      terms: ["multiprocessing", "separate processes", "each process has its own gil", "process pool"],
      code: ["concurrent.futures.ProcessPoolExecutor"],
    },
    {
      id: "thread-safety",
      weight: 4,
      text: "The GIL does not make your code thread-safe: read-modify-write operations such as counter += 1 can race and still need a lock.",
      terms: ["not thread safe", "race condition", "still need locks", "read-modify-write is not atomic"],
      code: ["threading.Lock"],
    },
  ],
  followUps: [],
  clarifications: {},
  misconceptions: [
    {
      id: "gil-makes-thread-safe",
      text: "Believes the GIL removes the need for synchronisation.",
      keyPointId: "thread-safety",
      correction:
        "The GIL makes single bytecodes atomic, not `counter += 1`: a thread switch between the read and the write loses updates, so shared state still needs a lock.",
      phrasings: ["the gil makes my code thread safe", "no need for locks because of the gil"],
    },
    {
      id: "threads-parallel-cpu",
      text: "Believes Python threads run Python code in parallel on multiple cores.",
      keyPointId: "cpu-bound-no-speedup",
      phrasings: ["threads run python code in parallel on multiple cores", "use threads to speed up cpu-bound work"],
    },
  ],
  errata: "",
  contentHash: hash,
  file: "02-gil.md",
};

/** A strong answer in the candidate's own words. */
export const gilGood =
  "The GIL, the global interpreter lock, is a mutex inside CPython: only one thread executes Python bytecode at a time, even on a multi-core machine. " +
  "So for CPU-bound pure Python code threads give no speedup, they just take turns. " +
  "It is released during blocking I/O like socket reads or time.sleep, which is why threads still help for I/O-bound work. " +
  "For CPU-bound parallelism use multiprocessing or a ProcessPoolExecutor, where each process has its own GIL. " +
  "And it does not make your code thread-safe: counter += 1 is a read-modify-write that can race, so you still need locks.";

export const generic = {
  prompt: "What is the difference between an INNER JOIN and a LEFT JOIN in SQL?",
  reference:
    "An INNER JOIN returns only the rows where the join condition matches in both tables. " +
    "A LEFT JOIN returns every row from the left table plus the matching columns from the right table; where there is no match, the right table's columns are NULL. " +
    "A LEFT JOIN is used when you need all records from one side even if they have no related rows, for example all customers including those with no orders. " +
    "Filtering on a right-table column in the WHERE clause turns a LEFT JOIN back into an inner join, so such conditions belong in the ON clause.",
};
