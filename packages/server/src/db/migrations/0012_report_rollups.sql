CREATE TABLE "report_completions" (
	"year" smallint NOT NULL,
	"program_code" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"completed" integer NOT NULL,
	CONSTRAINT "report_completions_year_program_code_region_code_pk" PRIMARY KEY("year","program_code","region_code")
);
--> statement-breakpoint
CREATE TABLE "report_rehab_counts" (
	"year" smallint NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"category" smallint NOT NULL,
	"age_group" smallint NOT NULL,
	"needs" integer NOT NULL,
	"served" integer NOT NULL,
	"device_needs" integer NOT NULL,
	"device_fitted" integer NOT NULL,
	CONSTRAINT "report_rehab_counts_year_region_code_category_age_group_pk" PRIMARY KEY("year","region_code","category","age_group")
);
--> statement-breakpoint
CREATE TABLE "report_rehab_persons" (
	"person_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"category" smallint NOT NULL,
	"age_group" smallint NOT NULL,
	"device_need" boolean NOT NULL,
	"served" boolean NOT NULL,
	"fitted" boolean NOT NULL,
	CONSTRAINT "report_rehab_persons_person_id_year_pk" PRIMARY KEY("person_id","year")
);
