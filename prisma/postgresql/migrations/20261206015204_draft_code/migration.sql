-- AlterTable
ALTER TABLE "SessionQuestion" ADD COLUMN     "draftCode" TEXT NOT NULL DEFAULT '';
