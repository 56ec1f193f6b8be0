/** The /sessions filters as they live in the URL: ?topic=...&score=60-79&page=2. */
import { SCORE_RANGES, type SessionListFilters } from "./views.ts";

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export type ParsedFilters = SessionListFilters & { score?: string };

export function parseSessionFilters(params: SearchParams): ParsedFilters {
  const topic = first(params.topic)?.slice(0, 200);
  const score = first(params.score);
  const pageRaw = Number(first(params.page) ?? "1");
  const page = Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= 100_000 ? pageRaw : 1;
  const filters: ParsedFilters = { page };
  if (topic) filters.topic = topic;
  const range = parseScoreRange(score);
  if (range) {
    filters.score = `${range.min}-${range.max}`;
    filters.minScore = range.min;
    filters.maxScore = range.max;
  }
  return filters;
}

/** "60-79" -> {min: 60, max: 79}; also any custom "a-b" within 0..100. */
export function parseScoreRange(value: string | undefined): { min: number; max: number } | null {
  if (!value) return null;
  const known = SCORE_RANGES.find((r) => r.value === value);
  if (known) return { min: known.min, max: known.max };
  const m = /^(\d{1,3})-(\d{1,3})$/.exec(value);
  if (!m) return null;
  const min = Number(m[1]);
  const max = Number(m[2]);
  return min <= max && max <= 100 ? { min, max } : null;
}

/** The /sessions URL for some filters (page 1 is left out). */
export function sessionsHref(f: { topic?: string; score?: string; page?: number }): string {
  const q = new URLSearchParams();
  if (f.topic) q.set("topic", f.topic);
  if (f.score) q.set("score", f.score);
  if (f.page && f.page > 1) q.set("page", String(f.page));
  const s = q.toString();
  return s ? `/sessions?${s}` : "/sessions";
}
