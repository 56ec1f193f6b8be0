// The body the interview page posts with each answer (see lib/sessions/schemas.ts).
export { answerBodySchema as postRequestBodySchema, type AnswerBody as PostRequestBody } from "@/lib/sessions/schemas";
