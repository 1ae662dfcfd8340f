-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "tripId" INTEGER;

-- CreateIndex
CREATE INDEX "AuditEntry_tripId_at_idx" ON "AuditEntry"("tripId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_actor_at_idx" ON "AuditEntry"("actor", "at");

-- The trip of the entries written before: a registration's, a programme item's (a deleted item's
-- entry kept its tripId among the values it had), and a trip's or message's own id.
UPDATE "AuditEntry" a SET "tripId" = r."tripId"
FROM "Registration" r
WHERE a."entityType" = 'registration' AND a."entityId" = r.id::text;

UPDATE "AuditEntry" SET "tripId" = "entityId"::integer
WHERE "entityType" IN ('trip', 'message') AND "entityId" ~ '^[0-9]{1,9}$';

UPDATE "AuditEntry" a SET "tripId" = p."tripId"
FROM "ProgrammeItem" p
WHERE a."entityType" = 'programmeItem' AND a."entityId" = p.id::text;

UPDATE "AuditEntry" SET "tripId" = (changes -> 'tripId' ->> 'from')::integer
WHERE "entityType" = 'programmeItem' AND "tripId" IS NULL AND jsonb_typeof(changes) = 'object'
  AND changes -> 'tripId' ->> 'from' ~ '^[0-9]{1,9}$';
