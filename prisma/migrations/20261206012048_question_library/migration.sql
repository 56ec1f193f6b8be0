-- CreateTable
CREATE TABLE "LibraryQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'private',
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "difficulty" TEXT NOT NULL,
    "draft" TEXT NOT NULL,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LibraryQuestion_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LibraryQuestionRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "draft" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LibraryQuestionRevision_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "LibraryQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "LibraryQuestion_slug_key" ON "LibraryQuestion"("slug");

-- CreateIndex
CREATE INDEX "LibraryQuestion_ownerId_updatedAt_idx" ON "LibraryQuestion"("ownerId", "updatedAt");

-- CreateIndex
CREATE INDEX "LibraryQuestion_visibility_idx" ON "LibraryQuestion"("visibility");

-- CreateIndex
CREATE UNIQUE INDEX "LibraryQuestionRevision_questionId_version_key" ON "LibraryQuestionRevision"("questionId", "version");
