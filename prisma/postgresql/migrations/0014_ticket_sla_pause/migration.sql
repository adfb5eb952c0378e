-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "slaPausedAt" TIMESTAMP(3),
ADD COLUMN     "slaPausedMinutes" INTEGER;


-- Tickets already waiting for the employee, or resolved, when this release is installed: their clock stopped at
-- the last activity (HR's reply) or at the resolution, so the employee's reply or a reopen starts it from there.
UPDATE "Ticket" SET "slaPausedAt" = "lastActivityAt" WHERE "status" = 'menunggu_pegawai';
UPDATE "Ticket" SET "slaPausedAt" = "resolvedAt" WHERE "status" IN ('selesai', 'ditutup') AND "resolvedAt" IS NOT NULL;
