/**
 * Limits shared by the server's schemas and the browser's answer editor. Client-safe: no zod, no
 * server code, so the editor can check an answer before it is sent.
 */
export const MAX_ANSWER_CHARS = 20_000;
export const MAX_QUESTIONS = 10;
