-- CreateTable
CREATE TABLE "TicketChatMessage" (
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("platform", "chatId", "messageId")
);

-- CreateIndex
CREATE INDEX "TicketChatMessage_ticketId_idx" ON "TicketChatMessage"("ticketId");

