/**
 * Editor operations on a kit document: reorder, swap, retime. Pure and small, so the editor
 * runs them in the browser and tests run them in Node; the plan re-fits with plan.ts.
 */
import { refitDocument, type PlanFit } from "./plan.ts";
import type { KitDocument, KitQuestion } from "./schemas.ts";

/** Alternatives are grouped by topic and difficulty. */
export function alternativeKey(topic: string, difficulty: string): string {
  return `${difficulty}|${topic}`;
}

/** Moves a question from one position to another (out-of-range moves change nothing). */
export function moveQuestion(doc: KitDocument, from: number, to: number): KitDocument {
  if (from === to || from < 0 || to < 0 || from >= doc.questions.length || to >= doc.questions.length) return doc;
  const questions = [...doc.questions];
  const [q] = questions.splice(from, 1);
  questions.splice(to, 0, q!);
  return { ...doc, questions };
}

/** A question swapped into a slot keeps the slot's minutes, pin and notes. */
export function swapQuestion(doc: KitDocument, index: number, replacement: KitQuestion): KitDocument {
  const old = doc.questions[index];
  if (!old || doc.questions.some((q, i) => i !== index && q.id === replacement.id)) return doc;
  const questions = [...doc.questions];
  questions[index] = { ...replacement, minutes: old.minutes, pinned: old.pinned, notes: old.notes };
  return { ...doc, questions };
}

/** Sets a question's minutes by hand (pins them) and re-fits the others. */
export function setQuestionMinutes(doc: KitDocument, index: number, minutes: number): { doc: KitDocument; fit: PlanFit } {
  const questions = doc.questions.map((q, i) => (i === index ? { ...q, minutes, pinned: true } : q));
  return refitDocument({ ...doc, questions });
}

/** Lets a question's minutes fit automatically again. */
export function unpinQuestion(doc: KitDocument, index: number): { doc: KitDocument; fit: PlanFit } {
  return refitDocument({ ...doc, questions: doc.questions.map((q, i) => (i === index ? { ...q, pinned: false } : q)) });
}

/** Changes the total, intro or wrap-up minutes and re-fits the questions. */
export function setSectionMinutes(doc: KitDocument, change: { totalMinutes?: number; intro?: number; wrapUp?: number }): { doc: KitDocument; fit: PlanFit } {
  return refitDocument({
    ...doc,
    totalMinutes: change.totalMinutes ?? doc.totalMinutes,
    intro: { ...doc.intro, minutes: change.intro ?? doc.intro.minutes },
    wrapUp: { ...doc.wrapUp, minutes: change.wrapUp ?? doc.wrapUp.minutes },
  });
}
