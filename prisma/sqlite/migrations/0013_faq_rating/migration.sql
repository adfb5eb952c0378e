-- CreateTable
CREATE TABLE "FaqRating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "answerId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "documentTitle" TEXT,
    "helpful" BOOLEAN NOT NULL,
    "agencyId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "FaqRating_createdAt_idx" ON "FaqRating"("createdAt");

-- CreateIndex
CREATE INDEX "FaqRating_agencyId_createdAt_idx" ON "FaqRating"("agencyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FaqRating_answerId_documentId_key" ON "FaqRating"("answerId", "documentId");

