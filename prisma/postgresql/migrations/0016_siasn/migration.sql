-- CreateTable
CREATE TABLE "SiasnSyncRun" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'running',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "checked" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "kpProposals" INTEGER NOT NULL DEFAULT 0,
    "details" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "SiasnSyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiasnKpProposal" (
    "id" TEXT NOT NULL,
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
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SiasnKpProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SiasnSyncRun_finishedAt_idx" ON "SiasnSyncRun"("finishedAt");

-- CreateIndex
CREATE INDEX "SiasnKpProposal_employeeId_idx" ON "SiasnKpProposal"("employeeId");

-- CreateIndex
CREATE UNIQUE INDEX "SiasnKpProposal_period_nip_key" ON "SiasnKpProposal"("period", "nip");

