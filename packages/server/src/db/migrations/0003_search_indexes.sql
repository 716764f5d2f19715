DROP INDEX "persons_phone_idx";--> statement-breakpoint
CREATE INDEX "persons_cert_prefix_idx" ON "persons" USING btree ("cert_number" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_phone_idx" ON "persons" USING btree ("phone" text_pattern_ops);