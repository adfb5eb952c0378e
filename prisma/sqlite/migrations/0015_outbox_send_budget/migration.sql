-- CreateTable
CREATE TABLE "SendBudget" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nextSlotAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "OutboxMessage_status_channel_createdAt_idx" ON "OutboxMessage"("status", "channel", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_orderKey_createdAt_idx" ON "OutboxMessage"("status", "orderKey", "createdAt");

