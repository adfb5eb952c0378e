-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "confidentialChannel" TEXT,
ADD COLUMN     "feedbackChannel" TEXT,
ADD COLUMN     "firstResponseMinutes" INTEGER,
ADD COLUMN     "hrLeads" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "province" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "resolutionMinutes" INTEGER,
ADD COLUMN     "telegramGroups" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "triageChannel" TEXT;

