-- CreateTable
CREATE TABLE "InterestSubscription" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "tripId" INTEGER,
    "laterTrips" BOOLEAN NOT NULL DEFAULT false,
    "confirmTokenHash" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),

    CONSTRAINT "InterestSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InterestSubscription_email_key" ON "InterestSubscription"("email");

-- CreateIndex
CREATE UNIQUE INDEX "InterestSubscription_confirmTokenHash_key" ON "InterestSubscription"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "InterestSubscription_confirmedAt_idx" ON "InterestSubscription"("confirmedAt");

-- AddForeignKey
ALTER TABLE "InterestSubscription" ADD CONSTRAINT "InterestSubscription_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE SET NULL ON UPDATE CASCADE;
