ALTER TABLE "persons" ADD COLUMN "cert_event" text DEFAULT 'issue' NOT NULL;--> statement-breakpoint
UPDATE "persons" SET "cert_event" = c."event" FROM "certificates" c WHERE c."person_id" = "persons"."id" AND c."current";--> statement-breakpoint
-- The current certificate now lives on the person row only: drop its duplicate here. A cancelled
-- current certificate (ended, with its reason) stays: it is history.
DELETE FROM "certificates" WHERE "current" AND "ended_on" IS NULL;--> statement-breakpoint
DROP INDEX "certificates_one_current_idx";--> statement-breakpoint
ALTER TABLE "certificates" DROP COLUMN "current";--> statement-breakpoint
ALTER TABLE "certificates" ALTER COLUMN "ended_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ALTER COLUMN "end_reason" SET NOT NULL;--> statement-breakpoint
DROP INDEX "persons_phone_idx";--> statement-breakpoint
DROP INDEX "persons_household_idx";--> statement-breakpoint
CREATE INDEX "persons_phone_idx" ON "persons" USING btree ("phone" text_pattern_ops) WHERE "persons"."phone" is not null;--> statement-breakpoint
CREATE INDEX "persons_household_idx" ON "persons" USING btree ("household_id") WHERE "persons"."household_id" is not null;
