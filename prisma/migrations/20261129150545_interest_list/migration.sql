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

-- CreateTable
CREATE TABLE "InterestNotice" (
    "subscriptionId" INTEGER NOT NULL,
    "tripId" INTEGER NOT NULL,

    CONSTRAINT "InterestNotice_pkey" PRIMARY KEY ("subscriptionId","tripId")
);

-- CreateIndex
CREATE UNIQUE INDEX "InterestSubscription_email_key" ON "InterestSubscription"("email");

-- CreateIndex
CREATE UNIQUE INDEX "InterestSubscription_confirmTokenHash_key" ON "InterestSubscription"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "InterestSubscription_confirmedAt_idx" ON "InterestSubscription"("confirmedAt");

-- CreateIndex
CREATE INDEX "InterestNotice_tripId_idx" ON "InterestNotice"("tripId");

-- AddForeignKey
ALTER TABLE "InterestSubscription" ADD CONSTRAINT "InterestSubscription_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterestNotice" ADD CONSTRAINT "InterestNotice_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "InterestSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterestNotice" ADD CONSTRAINT "InterestNotice_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;
