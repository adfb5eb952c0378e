-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "slaPausedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "slaPausedMinutes" INTEGER;

