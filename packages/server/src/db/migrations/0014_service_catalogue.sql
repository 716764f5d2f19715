CREATE TABLE "service_items" (
	"code" text PRIMARY KEY NOT NULL,
	"program_code" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"time_limit_days" integer NOT NULL,
	"fees" text DEFAULT '不收费' NOT NULL,
	"office_address" text NOT NULL,
	"office_hours" text NOT NULL,
	"online" text DEFAULT 'counter' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_items_code" CHECK ("service_items"."code" ~ '^[a-z][a-z0-9_]{1,39}$'),
	CONSTRAINT "service_items_online" CHECK ("service_items"."online" in ('counter', 'online', 'auto')),
	CONSTRAINT "service_items_time_limit" CHECK ("service_items"."time_limit_days" > 0)
);
--> statement-breakpoint
ALTER TABLE "service_items" ADD CONSTRAINT "service_items_program_code_programs_code_fk" FOREIGN KEY ("program_code") REFERENCES "public"."programs"("code") ON DELETE no action ON UPDATE no action;