-- The organisers' contact phone is stored in E.164 from now on, as participants' numbers always
-- were (their form stores only E.164, so no registration needs this). Before, it was stored as
-- typed ("0142-850 00"). A value that is a Swedish number is rewritten: separators dropped, +46 or
-- 0046 (with or without a trunk 0) read as the leading 0, and the national number checked against
-- libphonenumber-js's pattern for Sweden (metadata.min.json, the same check the form makes now).
-- Anything else (the seed's placeholder "000-000 00 00") stays as it is, and the site shows it as
-- written. A migration of data only: its folder has no schema.prisma, so the next schema diff
-- still starts from the last migration that changed the schema.
UPDATE "SiteSettings" AS s
SET "phone" = '+46' || typed.national
FROM (
  SELECT "id", substring(regexp_replace(regexp_replace("phone", '[[:space:]().-]', '', 'g'), '^(\+46|0046)0?', '0') FROM 2) AS national,
         regexp_replace(regexp_replace("phone", '[[:space:]().-]', '', 'g'), '^(\+46|0046)0?', '0') AS compact
  FROM "SiteSettings"
) AS typed
WHERE typed."id" = s."id"
  AND typed.compact ~ '^0(?:(?:[26][0-9][0-9]|9)[0-9]{9}|[1-9][0-9]{8}|[1-689][0-9]{7}|[1-4689][0-9]{6}|2[0-9]{5})$';
