/**
 * Offline rubric drafting: from a reference answer, the key points and follow-ups the app would
 * use for the question anyway. It is not a new derivation but the existing ones, exposed:
 *   - key points: the scorer's generic mode (lib/scoring/derive.ts deriveKeyPoints, with the
 *     question's own words and corpus as lib/scoring/prepare.ts computes them);
 *   - follow-ups: the offline interviewer's generic probes (lib/interviewer/turn-policy.ts: the
 *     prompt's own words the point is about, in its topic templates, else its open templates), so
 *     a follow-up never gives away the key point's text.
 * Statements are the derived claims as they are, but for an escaped first character when Markdown
 * would read the claim as a block of its own (a heading, a list), so an accepted proposal is a valid
 * draft. The result is data only: an editable proposal that nothing uses until a person accepts it (puts
 * it into a draft and saves it).
 */
import { OPEN_PROBES, TOPIC_PROBES, promptTopicFor } from "../interviewer/turn-policy.ts";
import { corpusFor, questionStems } from "../scoring/prepare.ts";
import { deriveKeyPoints } from "../scoring/derive.ts";
import type { CorpusStats } from "../scoring/corpus.ts";
import { pointId } from "./slug.ts";
import type { DraftFollowUp, DraftKeyPoint } from "./schema.ts";

export type RubricDraft = { keyPoints: DraftKeyPoint[]; followUps: DraftFollowUp[] };

export type DraftRubricOptions = {
  /**
   * IDF statistics of the bank the question will join (lib/scoring/corpus.ts): the scorer uses the
   * bank's, so passing it proposes what the scorer would derive there. Default: the question alone.
   */
  corpus?: CorpusStats;
};

export function draftRubric(reference: string, title: string, options: DraftRubricOptions = {}): RubricDraft {
  const question = { title, prompt: title, reference };
  const keyPoints = deriveKeyPoints(question, questionStems(question), corpusFor(question, options.corpus));
  // Ids from the statements' first words ("walrus-operator-added-in-python"): the scorer's point-N
  // would say nothing in a kit, a comparison or a CSV column.
  const taken = new Set<string>();
  const ids = keyPoints.map((kp) => pointId(kp.text, taken));
  return {
    keyPoints: keyPoints.map((kp, i) => ({ id: ids[i]!, statement: asParagraph(kp.text), weight: kp.weight, terms: kp.terms, code: kp.code })),
    // One follow-up per key point, rotated through the templates as the interviewer rotates them.
    followUps: keyPoints.map((kp, i) => ({ keyPointId: ids[i]!, text: genericProbe(title, kp.text, i) })),
  };
}

/** The text genericProbe (lib/interviewer/turn-policy.ts) asks for a key point, the `rotation`-th template. */
function genericProbe(prompt: string, keyPointText: string, rotation: number): string {
  const topic = promptTopicFor(prompt, keyPointText);
  const templates: readonly string[] = topic ? TOPIC_PROBES : OPEN_PROBES;
  return templates[rotation % templates.length]!.replace("{topic}", topic ?? "");
}

/**
 * A derived claim can be a line of the reference that Markdown reads as a block of its own
 * ("# 2. concurrent.futures..." from a code comment would be a heading, and the bank format refuses
 * headings in a key point): its first character is escaped, so the statement is a paragraph that
 * shows the same text.
 */
function asParagraph(text: string): string {
  const numbered = /^(\d{1,9})([.)])/.exec(text);
  if (numbered) return `${numbered[1]}\\${text.slice(numbered[1]!.length)}`;
  return /^(?:#|>|[-+*=|]|`{3}|~{3})/.test(text) ? `\\${text}` : text;
}
