-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "channel" TEXT;

-- CreateTable
CREATE TABLE "FaqOutcomeCount" (
    "agencyId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("agencyId", "day", "outcome")
);

-- CreateTable
CREATE TABLE "SurveyInvitation" (
    "ticketId" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "ticketId" TEXT,
    "employeeId" TEXT,
    "submittedOn" TEXT NOT NULL,
    "u1" INTEGER NOT NULL,
    "u2" INTEGER NOT NULL,
    "u3" INTEGER NOT NULL,
    "u4" INTEGER NOT NULL,
    "u5" INTEGER NOT NULL,
    "u6" INTEGER NOT NULL,
    "u7" INTEGER NOT NULL,
    "u8" INTEGER NOT NULL,
    "u9" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "SurveyResponse_agencyId_submittedOn_idx" ON "SurveyResponse"("agencyId", "submittedOn");

-- CreateIndex
CREATE INDEX "Ticket_agencyId_createdAt_idx" ON "Ticket"("agencyId", "createdAt");


-- Tickets opened before the channel was recorded: the first staff message's author says where it came from.
UPDATE "Ticket" SET "channel" = CASE
    WHEN (SELECT m."authorRef" FROM "TicketMessage" m WHERE m."ticketId" = "Ticket"."id" AND m."direction" = 'staff'
          ORDER BY m."createdAt" ASC LIMIT 1) LIKE 'token:%' THEN 'api'
    ELSE 'telegram' END
  WHERE "channel" IS NULL;
