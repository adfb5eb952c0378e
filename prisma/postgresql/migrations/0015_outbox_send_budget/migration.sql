-- CreateTable
CREATE TABLE "SendBudget" (
    "key" TEXT NOT NULL,
    "nextSlotAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SendBudget_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "OutboxMessage_status_channel_createdAt_idx" ON "OutboxMessage"("status", "channel", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_orderKey_createdAt_idx" ON "OutboxMessage"("status", "orderKey", "createdAt");

