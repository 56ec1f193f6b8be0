-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN "expiresAt" DATETIME;
ALTER TABLE "ShareLink" ADD COLUMN "version" INTEGER;
