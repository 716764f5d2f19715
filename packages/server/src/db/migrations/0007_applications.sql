CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "application_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"program_code" text NOT NULL,
	"year" smallint NOT NULL,
	"household_id" uuid,
	"region_code" varchar(12) NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"status" text NOT NULL,
	"channel" text DEFAULT 'counter' NOT NULL,
	"due_on" date,
	"auto_approved" boolean DEFAULT false NOT NULL,
	"eligibility" jsonb,
	"note" text,
	"filed_by" uuid,
	"filed_at" timestamp with time zone NOT NULL,
	"applied_on" date NOT NULL,
	"decided_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "applications_status" CHECK ("applications"."status" in ('submitted', 'reviewed', 'approved', 'completed', 'rejected', 'returned', 'withdrawn')),
	CONSTRAINT "applications_year" CHECK ("applications"."year" between 2000 and 2100),
	CONSTRAINT "applications_county_prefix" CHECK (left("applications"."region_code", 6) = "applications"."county_code")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"address" text,
	"phone" text,
	"capacity" integer,
	"programs" text[] DEFAULT '{}'::text[] NOT NULL,
	"agreement_from" date,
	"agreement_until" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "institutions_capacity" CHECK ("institutions"."capacity" >= 0),
	CONSTRAINT "institutions_county_prefix" CHECK (left("institutions"."region_code", 6) = "institutions"."county_code")
);
--> statement-breakpoint
CREATE TABLE "program_targets" (
	"program_code" text NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"target" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "program_targets_program_code_year_region_code_pk" PRIMARY KEY("program_code","year","region_code"),
	CONSTRAINT "program_targets_target" CHECK ("program_targets"."target" >= 0),
	CONSTRAINT "program_targets_county_prefix" CHECK (left("program_targets"."region_code", 6) = "program_targets"."county_code")
);
--> statement-breakpoint
CREATE TABLE "program_years" (
	"program_code" text NOT NULL,
	"year" smallint NOT NULL,
	"rule" jsonb,
	"monthly_cents_by_grade" jsonb,
	"amount_cents" integer,
	"budget_cents" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "program_years_program_code_year_pk" PRIMARY KEY("program_code","year"),
	CONSTRAINT "program_years_year" CHECK ("program_years"."year" between 2000 and 2100),
	CONSTRAINT "program_years_amount" CHECK ("program_years"."amount_cents" >= 0),
	CONSTRAINT "program_years_budget" CHECK ("program_years"."budget_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "person_services" ADD COLUMN "institution_id" uuid;--> statement-breakpoint
ALTER TABLE "person_services" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "institution_id" uuid;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_program_code_programs_code_fk" FOREIGN KEY ("program_code") REFERENCES "public"."programs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_targets" ADD CONSTRAINT "program_targets_program_code_programs_code_fk" FOREIGN KEY ("program_code") REFERENCES "public"."programs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_years" ADD CONSTRAINT "program_years_program_code_programs_code_fk" FOREIGN KEY ("program_code") REFERENCES "public"."programs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_attachments_application_idx" ON "application_attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_open_unique" ON "applications" USING btree ("person_id","program_code","year") WHERE "applications"."status" in ('submitted', 'reviewed', 'approved', 'completed', 'returned');--> statement-breakpoint
CREATE UNIQUE INDEX "applications_household_unique" ON "applications" USING btree ("household_id","program_code","year") WHERE "applications"."household_id" is not null and "applications"."status" in ('submitted', 'reviewed', 'approved', 'completed', 'returned');--> statement-breakpoint
CREATE INDEX "applications_region_idx" ON "applications" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "applications" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "applications_program_year_idx" ON "applications" USING btree ("program_code","year","status");--> statement-breakpoint
CREATE INDEX "applications_person_idx" ON "applications" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_application_unique" ON "placements" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "placements_institution_idx" ON "placements" USING btree ("institution_id","status");--> statement-breakpoint
CREATE INDEX "placements_person_idx" ON "placements" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "institutions_region_idx" ON "institutions" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "program_targets_year_region_idx" ON "program_targets" USING btree ("year","region_code" varchar_pattern_ops);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;