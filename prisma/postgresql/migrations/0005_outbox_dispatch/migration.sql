-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "dispatchedAt" TIMESTAMP(3);

