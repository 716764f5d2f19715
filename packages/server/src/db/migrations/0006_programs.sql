CREATE TABLE "programs" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"unit" text NOT NULL,
	"auto_approval" boolean DEFAULT false NOT NULL,
	"required_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rule" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_code" CHECK ("programs"."code" ~ '^[a-z][a-z0-9_]{1,39}$'),
	CONSTRAINT "programs_kind" CHECK ("programs"."kind" in ('monthly_subsidy', 'annual_grant', 'household_grant', 'service', 'in_kind')),
	CONSTRAINT "programs_unit" CHECK ("programs"."unit" in ('person', 'household'))
);
