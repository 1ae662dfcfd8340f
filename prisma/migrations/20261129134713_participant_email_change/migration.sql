-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "emailsPerInbox" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "savesPerAddress" INTEGER NOT NULL DEFAULT 200,
ADD COLUMN     "savesPerRegistration" INTEGER NOT NULL DEFAULT 20;

-- CreateTable
CREATE TABLE "PendingEmailChange" (
    "registrationId" INTEGER NOT NULL,
    "newEmail" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingEmailChange_pkey" PRIMARY KEY ("registrationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PendingEmailChange_tokenHash_key" ON "PendingEmailChange"("tokenHash");

-- AddForeignKey
ALTER TABLE "PendingEmailChange" ADD CONSTRAINT "PendingEmailChange_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
