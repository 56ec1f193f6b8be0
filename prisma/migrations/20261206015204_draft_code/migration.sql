-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SessionQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "questionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "difficulty" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "minutes" REAL NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "followUpCount" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME,
    "deadlineAt" DATETIME,
    "completedAt" DATETIME,
    "score" INTEGER,
    "report" TEXT,
    "draft" TEXT NOT NULL DEFAULT '',
    "draftCode" TEXT NOT NULL DEFAULT '',
    "draftUpdatedAt" DATETIME,
    CONSTRAINT "SessionQuestion_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SessionQuestion" ("completedAt", "contentHash", "deadlineAt", "difficulty", "draft", "draftUpdatedAt", "followUpCount", "id", "index", "minutes", "questionId", "report", "score", "sessionId", "snapshot", "startedAt", "status", "title", "topic") SELECT "completedAt", "contentHash", "deadlineAt", "difficulty", "draft", "draftUpdatedAt", "followUpCount", "id", "index", "minutes", "questionId", "report", "score", "sessionId", "snapshot", "startedAt", "status", "title", "topic" FROM "SessionQuestion";
DROP TABLE "SessionQuestion";
ALTER TABLE "new_SessionQuestion" RENAME TO "SessionQuestion";
CREATE INDEX "SessionQuestion_questionId_idx" ON "SessionQuestion"("questionId");
CREATE INDEX "SessionQuestion_sessionId_score_completedAt_topic_difficulty_questionId_idx" ON "SessionQuestion"("sessionId", "score", "completedAt", "topic", "difficulty", "questionId");
CREATE UNIQUE INDEX "SessionQuestion_sessionId_index_key" ON "SessionQuestion"("sessionId", "index");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
