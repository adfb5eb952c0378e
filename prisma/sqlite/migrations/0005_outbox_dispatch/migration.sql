-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "dispatchedAt" DATETIME;

