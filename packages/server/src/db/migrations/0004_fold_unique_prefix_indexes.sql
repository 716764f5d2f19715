DROP INDEX "persons_id_prefix_idx";--> statement-breakpoint
DROP INDEX "persons_cert_prefix_idx";--> statement-breakpoint
DROP INDEX "persons_id_number_idx";--> statement-breakpoint
DROP INDEX "persons_cert_number_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "persons_id_number_idx" ON "persons" USING btree ("id_number" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "persons_cert_number_idx" ON "persons" USING btree ("cert_number" varchar_pattern_ops);