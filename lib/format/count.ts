/**
 * Counts in words, as people write them ("two questions", "all three", "both"), for every screen
 * and the interviewer's own sentences. Pure.
 */
const SMALL = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** A count in words as people write it: "two", "ten", "15". */
export function numberWord(n: number): string {
  return SMALL[n] ?? String(n);
}

/** "You answered the question", "both questions", "all three questions", "one of three questions". */
export function answeredSentence(answered: number, total: number): string {
  if (total === 0) return "There were no questions in this interview.";
  if (answered === 0)
    return `You did not answer ${total === 1 ? "the question" : total === 2 ? "either question" : `any of the ${numberWord(total)} questions`}.`;
  if (answered === total) {
    if (total === 1) return "You answered the question.";
    if (total === 2) return "You answered both questions.";
    return `You answered all ${numberWord(total)} questions.`;
  }
  return `You answered ${numberWord(answered)} of ${numberWord(total)} questions.`;
}
