-- Columns added one by one (not a table rebuild), so columns other migrations add to "Agency" are kept.
ALTER TABLE "Agency" ADD COLUMN "triageChannel" TEXT;
ALTER TABLE "Agency" ADD COLUMN "confidentialChannel" TEXT;
ALTER TABLE "Agency" ADD COLUMN "feedbackChannel" TEXT;
ALTER TABLE "Agency" ADD COLUMN "telegramGroups" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Agency" ADD COLUMN "hrLeads" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Agency" ADD COLUMN "firstResponseMinutes" INTEGER;
ALTER TABLE "Agency" ADD COLUMN "resolutionMinutes" INTEGER;
ALTER TABLE "Agency" ADD COLUMN "province" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Agency" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
