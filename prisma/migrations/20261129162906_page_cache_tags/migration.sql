-- CreateTable
CREATE TABLE "PageCacheTag" (
    "tag" TEXT NOT NULL,
    "revalidatedAt" TIMESTAMPTZ(3) NOT NULL,
    "staleAt" TIMESTAMPTZ(3),
    "expiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "PageCacheTag_pkey" PRIMARY KEY ("tag")
);
