ALTER TABLE "payment_lines" DROP CONSTRAINT "payment_lines_cycle_id_payment_cycles_id_fk";
--> statement-breakpoint
ALTER TABLE "payment_lines" DROP CONSTRAINT "payment_lines_person_id_persons_id_fk";
