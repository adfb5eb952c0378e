-- CreateTable
CREATE TABLE "TopicOptOut" (
    "employeeId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("employeeId", "topic")
);

-- CreateTable
CREATE TABLE "CareerInterest" (
    "broadcastId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remindedAt" DATETIME,

    PRIMARY KEY ("broadcastId", "employeeId")
);

-- CreateTable
CREATE TABLE "SosialisasiSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "topic" TEXT,
    "speaker" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "place" TEXT,
    "onlineLink" TEXT,
    "audience" TEXT NOT NULL,
    "capacity" INTEGER,
    "seatsTaken" INTEGER NOT NULL DEFAULT 0,
    "checkInCode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "invitationBroadcastId" TEXT,
    "materialsBroadcastId" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "SessionRsvp" (
    "sessionId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("sessionId", "employeeId")
);

-- CreateTable
CREATE TABLE "SessionAttendance" (
    "sessionId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "via" TEXT NOT NULL,
    "markedBy" TEXT NOT NULL,

    PRIMARY KEY ("sessionId", "employeeId")
);

-- CreateTable
CREATE TABLE "SessionQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "employeeId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "askedAt" DATETIME NOT NULL,
    "answer" TEXT,
    "answeredBy" TEXT,
    "answeredAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FaqDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "ticketId" TEXT,
    "sessionId" TEXT,
    "questionId" TEXT,
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
INSERT INTO "new_FaqDraft" ("agencyId", "answer", "createdAt", "createdBy", "decidedAt", "decidedBy", "docId", "id", "question", "slackChannel", "slackTs", "status", "ticketId", "title") SELECT "agencyId", "answer", "createdAt", "createdBy", "decidedAt", "decidedBy", "docId", "id", "question", "slackChannel", "slackTs", "status", "ticketId", "title" FROM "FaqDraft";
DROP TABLE "FaqDraft";
ALTER TABLE "new_FaqDraft" RENAME TO "FaqDraft";
CREATE INDEX "FaqDraft_ticketId_status_idx" ON "FaqDraft"("ticketId", "status");
CREATE INDEX "FaqDraft_sessionId_idx" ON "FaqDraft"("sessionId");
CREATE TABLE "new_Broadcast" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachment" TEXT,
    "audience" TEXT NOT NULL,
    "scheduleKind" TEXT NOT NULL,
    "runAt" DATETIME,
    "cron" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "needsAck" BOOLEAN NOT NULL DEFAULT false,
    "nudgeAfterDays" INTEGER,
    "topic" TEXT,
    "mandatory" BOOLEAN NOT NULL DEFAULT true,
    "kind" TEXT NOT NULL DEFAULT 'announcement',
    "sessionId" TEXT,
    "source" TEXT,
    "careerKind" TEXT,
    "closesOn" TEXT,
    "validUntil" DATETIME,
    "publishedAt" DATETIME,
    "status" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "cronCheckedAt" DATETIME,
    "slackChannel" TEXT,
    "slackTs" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Broadcast" ("agencyId", "attachment", "audience", "createdAt", "createdBy", "cron", "cronCheckedAt", "decidedAt", "decidedBy", "id", "mandatory", "needsAck", "nudgeAfterDays", "number", "runAt", "scheduleKind", "slackChannel", "slackTs", "status", "text", "title", "topic", "updatedAt", "urgent") SELECT "agencyId", "attachment", "audience", "createdAt", "createdBy", "cron", "cronCheckedAt", "decidedAt", "decidedBy", "id", "mandatory", "needsAck", "nudgeAfterDays", "number", "runAt", "scheduleKind", "slackChannel", "slackTs", "status", "text", "title", "topic", "updatedAt", "urgent" FROM "Broadcast";
DROP TABLE "Broadcast";
ALTER TABLE "new_Broadcast" RENAME TO "Broadcast";
CREATE INDEX "Broadcast_status_idx" ON "Broadcast"("status");
CREATE INDEX "Broadcast_agencyId_publishedAt_idx" ON "Broadcast"("agencyId", "publishedAt");
CREATE UNIQUE INDEX "Broadcast_agencyId_number_key" ON "Broadcast"("agencyId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CareerInterest_employeeId_idx" ON "CareerInterest"("employeeId");

-- CreateIndex
CREATE UNIQUE INDEX "SosialisasiSession_checkInCode_key" ON "SosialisasiSession"("checkInCode");

-- CreateIndex
CREATE INDEX "SosialisasiSession_status_startsAt_idx" ON "SosialisasiSession"("status", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "SosialisasiSession_agencyId_number_key" ON "SosialisasiSession"("agencyId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "SessionQuestion_sessionId_number_key" ON "SessionQuestion"("sessionId", "number");


-- Backfill: broadcasts sent before this release enter the archive with the time of their latest run.
UPDATE "Broadcast" SET "publishedAt" = (SELECT MAX("scheduledFor") FROM "BroadcastRun" WHERE "BroadcastRun"."broadcastId" = "Broadcast"."id");
