-- CreateTable
CREATE TABLE "SiasnSyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trigger" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'running',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "checked" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "kpProposals" INTEGER NOT NULL DEFAULT 0,
    "details" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT
);

-- CreateTable
CREATE TABLE "SiasnKpProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "period" TEXT NOT NULL,
    "nip" TEXT NOT NULL,
    "employeeId" TEXT,
    "proposalId" TEXT,
    "statusCode" TEXT,
    "statusName" TEXT,
    "kpType" TEXT,
    "tmtKp" TEXT,
    "pertekNumber" TEXT,
    "pertekDate" TEXT,
    "skNumber" TEXT,
    "skDate" TEXT,
    "fetchedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SiasnSyncRun_finishedAt_idx" ON "SiasnSyncRun"("finishedAt");

-- CreateIndex
CREATE INDEX "SiasnKpProposal_employeeId_idx" ON "SiasnKpProposal"("employeeId");

-- CreateIndex
CREATE UNIQUE INDEX "SiasnKpProposal_period_nip_key" ON "SiasnKpProposal"("period", "nip");

