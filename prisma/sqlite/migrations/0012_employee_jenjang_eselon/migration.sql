-- AlterTable
ALTER TABLE "Employee" ADD COLUMN "eselon" TEXT;
ALTER TABLE "Employee" ADD COLUMN "jenjang" TEXT;

