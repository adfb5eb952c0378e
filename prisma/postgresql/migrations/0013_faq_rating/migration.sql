-- CreateTable
CREATE TABLE "FaqRating" (
    "id" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "documentTitle" TEXT,
    "helpful" BOOLEAN NOT NULL,
    "agencyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FaqRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FaqRating_createdAt_idx" ON "FaqRating"("createdAt");

-- CreateIndex
CREATE INDEX "FaqRating_agencyId_createdAt_idx" ON "FaqRating"("agencyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FaqRating_answerId_documentId_key" ON "FaqRating"("answerId", "documentId");

