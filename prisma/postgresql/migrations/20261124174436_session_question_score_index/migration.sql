-- CreateIndex
CREATE INDEX "SessionQuestion_sessionId_score_completedAt_topic_difficult_idx" ON "SessionQuestion"("sessionId", "score", "completedAt", "topic", "difficulty", "questionId");
