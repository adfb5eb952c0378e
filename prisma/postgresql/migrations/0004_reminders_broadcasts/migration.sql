-- CreateTable
CREATE TABLE "ChatGroup" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" TIMESTAMP(3),

    CONSTRAINT "ChatGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlockedChat" (
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "blockedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlockedChat_pkey" PRIMARY KEY ("platform","chatId")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "job" TEXT NOT NULL,
    "runKey" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("job","runKey")
);

-- CreateTable
CREATE TABLE "ReminderMute" (
    "employeeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderMute_pkey" PRIMARY KEY ("employeeId","kind")
);

-- CreateTable
CREATE TABLE "ReminderOccurrence" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "eventOn" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "outboxId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderOccurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YearlyDeadline" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "monthDay" TEXT NOT NULL,
    "daysBefore" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "YearlyDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomReminder" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "repeat" TEXT NOT NULL DEFAULT 'none',
    "until" TIMESTAMP(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachment" TEXT,
    "audience" TEXT NOT NULL,
    "scheduleKind" TEXT NOT NULL,
    "runAt" TIMESTAMP(3),
    "cron" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "needsAck" BOOLEAN NOT NULL DEFAULT false,
    "nudgeAfterDays" INTEGER,
    "topic" TEXT,
    "mandatory" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "cronCheckedAt" TIMESTAMP(3),
    "slackChannel" TEXT,
    "slackTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Broadcast_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BroadcastRun" (
    "id" TEXT NOT NULL,
    "broadcastId" TEXT NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'expanding',
    "lockedUntil" TIMESTAMP(3),
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BroadcastRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BroadcastDelivery" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "broadcastId" TEXT NOT NULL,
    "employeeId" TEXT,
    "unit" TEXT,
    "target" TEXT NOT NULL,
    "outboxId" TEXT,
    "skipped" TEXT,
    "nudges" INTEGER NOT NULL DEFAULT 0,
    "lastNudgeAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BroadcastDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BroadcastAck" (
    "broadcastId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "via" TEXT NOT NULL,

    CONSTRAINT "BroadcastAck_pkey" PRIMARY KEY ("broadcastId","employeeId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChatGroup_platform_chatId_key" ON "ChatGroup"("platform", "chatId");

-- CreateIndex
CREATE INDEX "ReminderOccurrence_agencyId_route_createdAt_idx" ON "ReminderOccurrence"("agencyId", "route", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderOccurrence_employeeId_key_key" ON "ReminderOccurrence"("employeeId", "key");

-- CreateIndex
CREATE INDEX "Broadcast_status_idx" ON "Broadcast"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Broadcast_agencyId_number_key" ON "Broadcast"("agencyId", "number");

-- CreateIndex
CREATE INDEX "BroadcastRun_status_idx" ON "BroadcastRun"("status");

-- CreateIndex
CREATE UNIQUE INDEX "BroadcastRun_broadcastId_scheduledFor_key" ON "BroadcastRun"("broadcastId", "scheduledFor");

-- CreateIndex
CREATE INDEX "BroadcastDelivery_broadcastId_idx" ON "BroadcastDelivery"("broadcastId");

-- CreateIndex
CREATE INDEX "BroadcastDelivery_outboxId_idx" ON "BroadcastDelivery"("outboxId");

-- CreateIndex
CREATE UNIQUE INDEX "BroadcastDelivery_runId_target_key" ON "BroadcastDelivery"("runId", "target");

