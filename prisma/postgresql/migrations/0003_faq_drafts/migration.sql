-- CreateTable
CREATE TABLE "FaqDraft" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdBy" TEXT NOT NULL,
    "decidedBy" TEXT,
    "docId" TEXT,
    "slackChannel" TEXT,
    "slackTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "FaqDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FaqDraft_ticketId_status_idx" ON "FaqDraft"("ticketId", "status");

