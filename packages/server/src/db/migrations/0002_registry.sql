CREATE TABLE "import_errors" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_errors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"job_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"field" text NOT NULL,
	"message_key" text NOT NULL,
	"params" jsonb,
	"cells" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"number" varchar(22) NOT NULL,
	"category" smallint NOT NULL,
	"grade" smallint NOT NULL,
	"components" jsonb,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"event" text NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"method" text NOT NULL,
	"identity_checked" boolean DEFAULT false NOT NULL,
	"surveyed_on" date NOT NULL,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"surveyed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_surveys_person_year" UNIQUE("person_id","year")
);
--> statement-breakpoint
CREATE TABLE "person_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"service_date" date NOT NULL,
	"provider" text,
	"region_code" varchar(12) NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"phone" text,
	"address" text,
	"low_income" boolean DEFAULT false NOT NULL,
	"extreme_poverty" boolean DEFAULT false NOT NULL,
	"poverty_monitored" boolean DEFAULT false NOT NULL,
	"guardian" jsonb,
	"status" text DEFAULT 'active' NOT NULL,
	"status_date" date,
	"status_reason" text,
	"household_id" uuid,
	"household_relation" text,
	"cert_number" varchar(22),
	"category" smallint,
	"grade" smallint,
	"components" jsonb,
	"cert_issued_on" date,
	"cert_valid_until" date,
	"cert_state" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "persons_status" CHECK ("persons"."status" in ('active', 'deceased', 'moved_out', 'cancelled')),
	CONSTRAINT "persons_category" CHECK ("persons"."category" between 1 and 7),
	CONSTRAINT "persons_grade" CHECK ("persons"."grade" between 1 and 4),
	CONSTRAINT "persons_cert_complete" CHECK (("persons"."cert_number" is null) = ("persons"."category" is null)),
	CONSTRAINT "persons_county_prefix" CHECK (left("persons"."region_code", 6) = "persons"."county_code")
);
--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_surveys" ADD CONSTRAINT "need_surveys_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_services" ADD CONSTRAINT "person_services_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_errors_job_idx" ON "import_errors" USING btree ("job_id","row_number");--> statement-breakpoint
CREATE INDEX "certificates_person_idx" ON "certificates" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_one_current_idx" ON "certificates" USING btree ("person_id") WHERE "certificates"."current";--> statement-breakpoint
CREATE INDEX "households_region_idx" ON "households" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "need_surveys_year_region_idx" ON "need_surveys" USING btree ("year","region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "person_services_person_idx" ON "person_services" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_services_year_region_idx" ON "person_services" USING btree ("year","region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "persons_id_number_idx" ON "persons" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_cert_number_idx" ON "persons" USING btree ("cert_number");--> statement-breakpoint
CREATE INDEX "persons_region_idx" ON "persons" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_pinyin_idx" ON "persons" USING btree ("name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_initials_idx" ON "persons" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_id_prefix_idx" ON "persons" USING btree ("id_number" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_phone_idx" ON "persons" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "persons_household_idx" ON "persons" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "persons_valid_until_idx" ON "persons" USING btree ("cert_valid_until");