/**
 * The /bank page's URL state: `q`, `bank`, `topic`, `difficulty`, `tag`. Shared by the server page
 * (parsing searchParams) and the client search form (building the URL as you type), so a search
 * can always be linked.
 */

export type BankQuery = { q: string; bank: string; topic: string; difficulty: string; tag: string };

export const EMPTY_BANK_QUERY: BankQuery = { q: "", bank: "", topic: "", difficulty: "", tag: "" };

const KEYS = ["q", "bank", "topic", "difficulty", "tag"] as const;

type RawParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return (v ?? "").slice(0, 200);
}

export function parseBankQuery(params: RawParams): BankQuery {
  return normaliseQuery({
    q: first(params.q),
    bank: first(params.bank),
    topic: first(params.topic),
    difficulty: first(params.difficulty),
    tag: first(params.tag),
  });
}

/** The values as the URL carries them (trimmed; difficulty lowercased). */
export function normaliseQuery(query: BankQuery): BankQuery {
  return {
    q: query.q.trim(),
    bank: query.bank.trim(),
    topic: query.topic.trim(),
    difficulty: query.difficulty.trim().toLowerCase(),
    tag: query.tag.trim(),
  };
}

/** `/bank?...` with only the non-empty values, in a stable order. */
export function bankHref(query: Partial<BankQuery>): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = query[key]?.trim();
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `/bank?${s}` : "/bank";
}

export function isFiltered(query: BankQuery): boolean {
  return KEYS.some((k) => query[k] !== "");
}

export function sameQuery(a: BankQuery, b: BankQuery): boolean {
  return KEYS.every((k) => a[k] === b[k]);
}
