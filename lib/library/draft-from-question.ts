/**
 * A bank question as a draft: the inverse of render-question-file.ts on what a draft holds (where
 * the question is stored, its number and hash, is left behind). Optional fields the question does
 * not have are absent, not undefined, so drafts compare equal with toEqual and JSON alike.
 */
import type { Question } from "../bank/schema.ts";
import type { QuestionDraft } from "./schema.ts";

export function draftFromQuestion(q: Question): QuestionDraft {
  return {
    id: q.id,
    title: q.title,
    ...(q.prompt !== q.title ? { prompt: q.prompt } : {}),
    reference: q.reference,
    topic: q.topic,
    difficulty: q.difficulty,
    minutes: q.minutes,
    tags: [...q.tags],
    keyPoints: q.keyPoints.map((kp) => ({
      id: kp.id,
      statement: kp.text,
      weight: kp.weight,
      terms: [...kp.terms],
      code: [...kp.code],
      ...(kp.scaffold === undefined ? {} : { scaffold: kp.scaffold }),
    })),
    followUps: q.followUps.map((fu) => ({ keyPointId: fu.keyPointId, text: fu.text })),
    misconceptions: q.misconceptions.map((m) => definedOnly({ ...m, phrasings: [...m.phrasings], cues: m.cues && [...m.cues] })),
    clarifications: definedOnly({ ...q.clarifications }),
    errata: q.errata,
  };
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
