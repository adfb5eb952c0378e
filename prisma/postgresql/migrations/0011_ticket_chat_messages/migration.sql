-- CreateTable
CREATE TABLE "TicketChatMessage" (
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketChatMessage_pkey" PRIMARY KEY ("platform","chatId","messageId")
);

-- CreateIndex
CREATE INDEX "TicketChatMessage_ticketId_idx" ON "TicketChatMessage"("ticketId");

