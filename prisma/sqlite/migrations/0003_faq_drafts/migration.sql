-- CreateTable
CREATE TABLE "FaqDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "FaqDraft_ticketId_status_idx" ON "FaqDraft"("ticketId", "status");

