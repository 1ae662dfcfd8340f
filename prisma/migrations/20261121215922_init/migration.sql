-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('CONFIRMED', 'WAITLISTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('BUSINESS_OWNER', 'ELECTED_OFFICIAL', 'CIVIL_SERVANT', 'OTHER');

-- CreateEnum
CREATE TYPE "OvernightChoice" AS ENUM ('SINGLE_ROOM', 'SHARED_DOUBLE', 'NONE');

-- CreateTable
CREATE TABLE "Trip" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "startDate" DATE,
    "endDate" DATE,
    "departureText" TEXT,
    "returnText" TEXT,
    "priceSek" INTEGER,
    "accommodation" TEXT,
    "seats" INTEGER NOT NULL,
    "registrationOpen" BOOLEAN NOT NULL DEFAULT false,
    "registrationDeadline" TIMESTAMPTZ(3),
    "hasOvernight" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Trip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BoardingStop" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BoardingStop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostCity" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "county" TEXT NOT NULL,
    "population" INTEGER,
    "portrait" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HostCity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TripHostCity" (
    "tripId" INTEGER NOT NULL,
    "hostCityId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "focus" TEXT,

    CONSTRAINT "TripHostCity_pkey" PRIMARY KEY ("tripId","hostCityId")
);

-- CreateTable
CREATE TABLE "ProgrammeItem" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3),
    "title" TEXT NOT NULL,
    "place" TEXT,
    "participants" TEXT,

    CONSTRAINT "ProgrammeItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "status" "RegistrationStatus" NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "role" "ParticipantRole" NOT NULL,
    "dietaryNeeds" TEXT,
    "overnight" "OvernightChoice",
    "shareRoomWith" TEXT,
    "boardingStopId" INTEGER,
    "otherInfo" TEXT,
    "showInParticipantList" BOOLEAN NOT NULL DEFAULT false,
    "privacyAcceptedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationLink" (
    "id" SERIAL NOT NULL,
    "registrationId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "organiserName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "phoneHours" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "postalAddress" TEXT NOT NULL,
    "visitingAddress" TEXT,
    "isPlaceholder" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SiteSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Trip_slug_key" ON "Trip"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "BoardingStop_tripId_name_key" ON "BoardingStop"("tripId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "HostCity_slug_key" ON "HostCity"("slug");

-- CreateIndex
CREATE INDEX "ProgrammeItem_tripId_startsAt_idx" ON "ProgrammeItem"("tripId", "startsAt");

-- CreateIndex
CREATE INDEX "Registration_tripId_status_id_idx" ON "Registration"("tripId", "status", "id");

-- CreateIndex
CREATE INDEX "Registration_tripId_email_idx" ON "Registration"("tripId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationLink_tokenHash_key" ON "RegistrationLink"("tokenHash");

-- CreateIndex
CREATE INDEX "RegistrationLink_registrationId_idx" ON "RegistrationLink"("registrationId");

-- AddForeignKey
ALTER TABLE "BoardingStop" ADD CONSTRAINT "BoardingStop_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TripHostCity" ADD CONSTRAINT "TripHostCity_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TripHostCity" ADD CONSTRAINT "TripHostCity_hostCityId_fkey" FOREIGN KEY ("hostCityId") REFERENCES "HostCity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeItem" ADD CONSTRAINT "ProgrammeItem_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_boardingStopId_fkey" FOREIGN KEY ("boardingStopId") REFERENCES "BoardingStop"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationLink" ADD CONSTRAINT "RegistrationLink_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
