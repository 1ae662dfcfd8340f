-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "dataProtectionContact" TEXT,
ADD COLUMN     "dietaryRetentionDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "linkRequestsPerAddress" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "linkRequestsPerEmail" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "privacyController" TEXT,
ADD COLUMN     "privacyLegalBasis" TEXT NOT NULL DEFAULT 'Allmänt intresse: kommunens uppdrag att främja samverkan och näringslivsutveckling. För uppgifter om kost och allergier ditt uttryckliga samtycke när du lämnar dem.',
ADD COLUMN     "privacyRecipients" TEXT NOT NULL DEFAULT 'Bussbolaget (namn och påstigningsplats), hotellet (namn och rumsönskemål) och restaurangerna (antal och kostbehov).',
ADD COLUMN     "reportsPerAddress" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "retentionMonths" INTEGER NOT NULL DEFAULT 12,
ADD COLUMN     "sentEmailRetentionDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "signInsPerAddress" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "signInsPerEmail" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "signupsPerAddress" INTEGER NOT NULL DEFAULT 200,
ADD COLUMN     "signupsPerEmail" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "rate_limit_counters" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("key")
);
