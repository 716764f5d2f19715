CREATE TABLE "payment_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_code" text NOT NULL,
	"kind" text NOT NULL,
	"period" varchar(7) NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"total_cents" bigint DEFAULT 0 NOT NULL,
	"source_cycle_id" uuid,
	"budget_override_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"paid_by" uuid,
	"paid_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payment_cycles_period" CHECK ("payment_cycles"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "payment_cycles_year" CHECK ("payment_cycles"."year" between 2000 and 2100),
	CONSTRAINT "payment_cycles_county_prefix" CHECK (left("payment_cycles"."region_code", 6) = "payment_cycles"."county_code"),
	CONSTRAINT "payment_cycles_status" CHECK ("payment_cycles"."status" in ('draft', 'submitted', 'approved', 'paid', 'cancelled')),
	CONSTRAINT "payment_cycles_kind" CHECK ("payment_cycles"."kind" in ('monthly', 'grant', 'settlement', 'repayment'))
);
--> statement-breakpoint
CREATE TABLE "payment_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"cycle_id" uuid NOT NULL,
	"program_code" text NOT NULL,
	"kind" text NOT NULL,
	"period" varchar(7) NOT NULL,
	"year" smallint NOT NULL,
	"person_id" uuid NOT NULL,
	"household_id" uuid,
	"application_id" uuid,
	"institution_id" uuid,
	"region_code" varchar(12) NOT NULL,
	"grade" smallint,
	"amount_cents" integer NOT NULL,
	"payee_name" text NOT NULL,
	"bank_name" text,
	"bank_account" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"failure_reason" text,
	"bank_reference" text,
	"paid_on" date,
	"repaid_by_line_id" bigint,
	CONSTRAINT "payment_lines_amount" CHECK ("payment_lines"."amount_cents" >= 0),
	CONSTRAINT "payment_lines_period" CHECK ("payment_lines"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "bank_name" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "bank_account" text;--> statement-breakpoint
ALTER TABLE "payment_cycles" ADD CONSTRAINT "payment_cycles_program_code_programs_code_fk" FOREIGN KEY ("program_code") REFERENCES "public"."programs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_cycle_id_payment_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."payment_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_cycles_live_unique" ON "payment_cycles" USING btree ("program_code","kind","period","region_code") WHERE "payment_cycles"."status" <> 'cancelled' and "payment_cycles"."kind" <> 'repayment';--> statement-breakpoint
CREATE INDEX "payment_cycles_region_idx" ON "payment_cycles" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "payment_cycles_program_year_idx" ON "payment_cycles" USING btree ("program_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lines_month_unique" ON "payment_lines" USING btree ("person_id","program_code","period") WHERE "payment_lines"."kind" in ('regular', 'back_pay', 'repayment') and "payment_lines"."status" in ('pending', 'paid');--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lines_grant_unique" ON "payment_lines" USING btree (coalesce("household_id", "person_id"),"program_code","year") WHERE "payment_lines"."kind" = 'grant' and "payment_lines"."status" in ('pending', 'paid');--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lines_settlement_unique" ON "payment_lines" USING btree ("application_id","kind") WHERE "payment_lines"."kind" in ('advance', 'final') and "payment_lines"."status" in ('pending', 'paid');--> statement-breakpoint
CREATE INDEX "payment_lines_cycle_idx" ON "payment_lines" USING btree ("cycle_id","id");--> statement-breakpoint
CREATE INDEX "payment_lines_person_idx" ON "payment_lines" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "payment_lines_program_year_idx" ON "payment_lines" USING btree ("program_code","year","status");