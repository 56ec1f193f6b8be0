/**
 * The library's ids: slugs of a title or a statement (lowercase ASCII words joined by "-", accents
 * folded, cut at a word boundary) and the unique id of a key point or misconception. Pure and
 * client-safe: the editor, the rubric drafters and the exporter share this one implementation.
 */

/** The longest question slug (a file name and an id in kits and sessions). */
export const MAX_SLUG_CHARS = 48;
/** The longest key point or misconception id made from its statement. */
export const MAX_POINT_ID_CHARS = 40;

/** "Café au lait!" -> "cafe-au-lait"; "" when the text has no letter or digit. */
export function slugify(text: string, max = MAX_SLUG_CHARS): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) return slug || word.slice(0, max);
    slug = next;
  }
  return slug;
}

/**
 * A key point's (or misconception's) id from its statement: its slug, numbered (-2, -3...) when
 * `taken` has it; added to `taken`. "Retries back off exponentially" -> "retries-back-off-exponentially".
 */
export function pointId(statement: string, taken: Set<string>): string {
  const base = slugify(statement, MAX_POINT_ID_CHARS) || "point";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
