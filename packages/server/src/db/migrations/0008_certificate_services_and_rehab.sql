CREATE TABLE "rehab_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"place" text NOT NULL,
	"institution_id" uuid,
	"assessed_on" date NOT NULL,
	"assessor" text NOT NULL,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"devices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rehab_assessments_year" CHECK ("rehab_assessments"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "rehab_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"assessment_id" uuid,
	"year" smallint NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"institution_id" uuid,
	"agreement_signed_on" date NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"goals" text NOT NULL,
	"services" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rehab_plans_year" CHECK ("rehab_plans"."year" between 2000 and 2100),
	CONSTRAINT "rehab_plans_dates" CHECK ("rehab_plans"."starts_on" <= "rehab_plans"."ends_on")
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "person_services" ADD COLUMN "plan_id" uuid;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "catalogue" text DEFAULT 'programme' NOT NULL;--> statement-breakpoint
ALTER TABLE "rehab_assessments" ADD CONSTRAINT "rehab_assessments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_assessments" ADD CONSTRAINT "rehab_assessments_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plans" ADD CONSTRAINT "rehab_plans_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plans" ADD CONSTRAINT "rehab_plans_assessment_id_rehab_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."rehab_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plans" ADD CONSTRAINT "rehab_plans_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rehab_assessments_person_idx" ON "rehab_assessments" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "rehab_assessments_year_region_idx" ON "rehab_assessments" USING btree ("year","region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "rehab_plans_person_idx" ON "rehab_plans" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "rehab_plans_year_region_idx" ON "rehab_plans" USING btree ("year","region_code" varchar_pattern_ops);--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_catalogue" CHECK ("programs"."catalogue" in ('programme', 'certificate'));