-- AlterTable
ALTER TABLE "Trip" ADD COLUMN     "isExample" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "publishedAt" TIMESTAMPTZ(3),
ADD COLUMN     "registrationClosed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "registrationOpensAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "SeedMarker" (
    "key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedMarker_pkey" PRIMARY KEY ("key")
);

-- Every trip made before drafts existed was public: it stays so.
UPDATE "Trip" SET "publishedAt" = "createdAt" WHERE "publishedAt" IS NULL;
