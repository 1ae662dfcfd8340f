-- CreateTable
CREATE TABLE "Photo" (
    "id" TEXT NOT NULL,
    "tripId" INTEGER,
    "hostCityId" INTEGER,
    "altText" TEXT NOT NULL,
    "credit" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Photo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PhotoVariant" (
    "photoId" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "webp" BYTEA NOT NULL,

    CONSTRAINT "PhotoVariant_pkey" PRIMARY KEY ("photoId","width")
);

-- CreateIndex
CREATE UNIQUE INDEX "Photo_tripId_key" ON "Photo"("tripId");

-- CreateIndex
CREATE UNIQUE INDEX "Photo_hostCityId_key" ON "Photo"("hostCityId");

-- AddForeignKey
ALTER TABLE "Photo" ADD CONSTRAINT "Photo_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Photo" ADD CONSTRAINT "Photo_hostCityId_fkey" FOREIGN KEY ("hostCityId") REFERENCES "HostCity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhotoVariant" ADD CONSTRAINT "PhotoVariant_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Photo"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A photo belongs to a trip or to a host town, never both and never neither (Prisma's schema cannot say so).
ALTER TABLE "Photo" ADD CONSTRAINT "Photo_one_owner" CHECK (("tripId" IS NULL) <> ("hostCityId" IS NULL));
