-- AlterTable
ALTER TABLE "FaqDraft" ADD COLUMN     "questionId" TEXT,
ADD COLUMN     "sessionId" TEXT,
ALTER COLUMN "ticketId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Broadcast" ADD COLUMN     "careerKind" TEXT,
ADD COLUMN     "closesOn" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'announcement',
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "sessionId" TEXT,
ADD COLUMN     "source" TEXT,
ADD COLUMN     "validUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TopicOptOut" (
    "employeeId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicOptOut_pkey" PRIMARY KEY ("employeeId","topic")
);

-- CreateTable
CREATE TABLE "CareerInterest" (
    "broadcastId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "CareerInterest_pkey" PRIMARY KEY ("broadcastId","employeeId")
);

-- CreateTable
CREATE TABLE "SosialisasiSession" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "topic" TEXT,
    "speaker" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SosialisasiSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionRsvp" (
    "sessionId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SessionRsvp_pkey" PRIMARY KEY ("sessionId","employeeId")
);

-- CreateTable
CREATE TABLE "SessionAttendance" (
    "sessionId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "via" TEXT NOT NULL,
    "markedBy" TEXT NOT NULL,

    CONSTRAINT "SessionAttendance_pkey" PRIMARY KEY ("sessionId","employeeId")
);

-- CreateTable
CREATE TABLE "SessionQuestion" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "employeeId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL,
    "answer" TEXT,
    "answeredBy" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "SessionQuestion_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "FaqDraft_sessionId_idx" ON "FaqDraft"("sessionId");

-- CreateIndex
CREATE INDEX "Broadcast_agencyId_publishedAt_idx" ON "Broadcast"("agencyId", "publishedAt");


-- Backfill: broadcasts sent before this release enter the archive with the time of their latest run.
UPDATE "Broadcast" SET "publishedAt" = (SELECT MAX("scheduledFor") FROM "BroadcastRun" WHERE "BroadcastRun"."broadcastId" = "Broadcast"."id");
