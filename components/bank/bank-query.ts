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
  return {
    q: first(params.q).trim(),
    bank: first(params.bank).trim(),
    topic: first(params.topic).trim(),
    difficulty: first(params.difficulty).trim().toLowerCase(),
    tag: first(params.tag).trim(),
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
