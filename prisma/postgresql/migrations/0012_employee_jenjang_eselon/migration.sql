-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "eselon" TEXT,
ADD COLUMN     "jenjang" TEXT;

