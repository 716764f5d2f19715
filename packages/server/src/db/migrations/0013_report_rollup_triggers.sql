-- Report rollups (issue 6), kept in the same transaction as the change by triggers, so that the completion
-- and rehabilitation reports read counters and still agree with the raw rows at every commit.
-- Statement-level triggers with transition tables: a bulk statement (an import, a bulk approval, the demo
-- seed) updates the rollups once, set-based, not row by row.

-- 1. Completions: report_completions counts completed applications per (year, programme, region of filing).
--    At most one live application per person, programme and year (applications_open_unique), so the count
--    is one of distinct persons. Pure deltas: what a statement added minus what it took away.
CREATE FUNCTION report_completions_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM report_completions;
    RETURN NULL;
  END IF;
  -- ORDER BY: counter rows are locked in one order by every writer, so two bulk writers cannot deadlock.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_completions AS c (year, program_code, region_code, completed)
    SELECT year, program_code, region_code, count(*)::int
    FROM new_rows WHERE status = 'completed'
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (year, program_code, region_code) DO UPDATE SET completed = c.completed + excluded.completed;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO report_completions AS c (year, program_code, region_code, completed)
    SELECT year, program_code, region_code, sum(d)::int
    FROM (SELECT year, program_code, region_code, 1 AS d FROM new_rows WHERE status = 'completed'
          UNION ALL
          SELECT year, program_code, region_code, -1 FROM old_rows WHERE status = 'completed') AS x
    GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (year, program_code, region_code) DO UPDATE SET completed = c.completed + excluded.completed;
  ELSE
    INSERT INTO report_completions AS c (year, program_code, region_code, completed)
    SELECT year, program_code, region_code, -count(*)::int
    FROM old_rows WHERE status = 'completed'
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (year, program_code, region_code) DO UPDATE SET completed = c.completed + excluded.completed;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_report_insert AFTER INSERT ON applications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_completions_apply();
--> statement-breakpoint
CREATE TRIGGER applications_report_update AFTER UPDATE ON applications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_completions_apply();
--> statement-breakpoint
CREATE TRIGGER applications_report_delete AFTER DELETE ON applications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_completions_apply();
--> statement-breakpoint
CREATE TRIGGER applications_report_truncate AFTER TRUNCATE ON applications
  FOR EACH STATEMENT EXECUTE FUNCTION report_completions_apply();
--> statement-breakpoint
CREATE FUNCTION report_completions_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_completions;
  INSERT INTO report_completions (year, program_code, region_code, completed)
  SELECT year, program_code, region_code, count(*)::int
  FROM applications WHERE status = 'completed'
  GROUP BY 1, 2, 3;
END $$;
--> statement-breakpoint

-- 2. Rehabilitation: report_rehab_persons holds one row per person and year with a rehabilitation need,
--    report_rehab_counts their sums per (year, region, category, age group). Whether a person was served
--    depends on needs and services together, so a change recomputes the (person, year) pairs it touches
--    from the raw rows and moves the counters by the difference.
-- Age on 31 December of the year: 0–6, 7–17, 18–59, 60+ (core's reports/age-groups.ts).
CREATE FUNCTION report_age_group(p_year integer, p_birth_date date) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE WHEN p_year - extract(year FROM p_birth_date)::int <= 6 THEN 0
               WHEN p_year - extract(year FROM p_birth_date)::int <= 17 THEN 1
               WHEN p_year - extract(year FROM p_birth_date)::int <= 59 THEN 2
               ELSE 3 END)::smallint
$$;
--> statement-breakpoint
-- What report_rehab_persons should hold for some (person, year) pairs, read from the raw rows.
CREATE FUNCTION report_rehab_fresh(p_persons uuid[], p_years smallint[]) RETURNS SETOF report_rehab_persons
  LANGUAGE sql STABLE AS $$
  SELECT s.person_id, s.year, p.region_code, coalesce(p.category, 0)::smallint, report_age_group(s.year, p.birth_date),
    'assistive_device' = ANY (s.needs), v.person_id IS NOT NULL,
    'assistive_device' = ANY (s.needs) AND coalesce(v.device, false)
  FROM unnest(p_persons, p_years) AS k(person_id, year)
  JOIN need_surveys s ON s.person_id = k.person_id AND s.year = k.year
  JOIN persons p ON p.id = s.person_id
  LEFT JOIN (
    SELECT v.person_id, v.year, bool_or(v.kind = 'assistive_device') AS device
    FROM person_services v
    JOIN unnest(p_persons, p_years) AS k2(person_id, year) ON v.person_id = k2.person_id AND v.year = k2.year
    WHERE v.kind IN ('rehab_training', 'assistive_device', 'medication', 'supportive_service')
    GROUP BY 1, 2) AS v ON v.person_id = s.person_id AND v.year = s.year
  WHERE s.needs && ARRAY['rehab_training', 'assistive_device', 'medication', 'supportive_service']::text[]
$$;
--> statement-breakpoint
-- Custom plans only: after five calls PL/pgSQL would switch to a generic plan that cannot see how many
-- pairs the arrays hold, and picked nested loops that took 20 s instead of 0.6 s for 5,000 pairs (PGlite).
CREATE FUNCTION report_rehab_refresh(p_persons uuid[], p_years smallint[]) RETURNS void LANGUAGE plpgsql
  SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  persons_ uuid[];
  years_ smallint[];
BEGIN
  SELECT array_agg(k.person_id ORDER BY k.person_id, k.year), array_agg(k.year ORDER BY k.person_id, k.year)
    INTO persons_, years_
  FROM (SELECT DISTINCT person_id, year FROM unnest(p_persons, p_years) AS u(person_id, year)
        WHERE person_id IS NOT NULL AND year IS NOT NULL) AS k;
  IF persons_ IS NULL THEN
    RETURN;
  END IF;
  -- One refresh of a person at a time. A function's statements each read with a new snapshot (READ
  -- COMMITTED), so after this lock the recomputation sees what a concurrent refresh of the same person
  -- committed, as well as this transaction's own changes: the last refresh always counts both.
  PERFORM 1 FROM persons WHERE id = ANY (persons_) ORDER BY id FOR NO KEY UPDATE;

  -- One statement, so that the pairs' rows are recomputed once: all its parts read the same snapshot, so
  -- `old` is what the pairs contributed before; `up` writes the recomputed rows (only those that differ),
  -- `gone` removes the rows whose need is gone (the two touch different rows), and the counters move by
  -- (fresh − old), in key order (no deadlock between two refreshes), only where something changed: a second
  -- service for a person already served leaves the counters, and their locks, alone.
  WITH fresh AS MATERIALIZED (
    SELECT * FROM report_rehab_fresh(persons_, years_)),
  old AS (
    SELECT r.* FROM report_rehab_persons r
    JOIN unnest(persons_, years_) AS k(person_id, year) ON r.person_id = k.person_id AND r.year = k.year),
  up AS (
    INSERT INTO report_rehab_persons AS r (person_id, year, region_code, category, age_group, device_need, served, fitted)
    SELECT * FROM fresh
    ON CONFLICT (person_id, year) DO UPDATE
      SET region_code = excluded.region_code, category = excluded.category, age_group = excluded.age_group,
          device_need = excluded.device_need, served = excluded.served, fitted = excluded.fitted
      WHERE (r.region_code, r.category, r.age_group, r.device_need, r.served, r.fitted)
        IS DISTINCT FROM (excluded.region_code, excluded.category, excluded.age_group, excluded.device_need,
                          excluded.served, excluded.fitted)),
  gone AS (
    DELETE FROM report_rehab_persons r
    USING old
    WHERE r.person_id = old.person_id AND r.year = old.year
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.person_id = old.person_id AND f.year = old.year))
  INSERT INTO report_rehab_counts AS c (year, region_code, category, age_group, needs, served, device_needs, device_fitted)
  SELECT year, region_code, category, age_group, sum(needs)::int, sum(served)::int, sum(device_needs)::int,
    sum(device_fitted)::int
  FROM (
    SELECT year, region_code, category, age_group, -1 AS needs, -(served::int) AS served,
      -(device_need::int) AS device_needs, -(fitted::int) AS device_fitted
    FROM old
    UNION ALL
    SELECT year, region_code, category, age_group, 1, served::int, device_need::int, fitted::int
    FROM fresh) AS d
  GROUP BY 1, 2, 3, 4
  HAVING sum(needs) <> 0 OR sum(served) <> 0 OR sum(device_needs) <> 0 OR sum(device_fitted) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (year, region_code, category, age_group) DO UPDATE
    SET needs = c.needs + excluded.needs, served = c.served + excluded.served,
        device_needs = c.device_needs + excluded.device_needs, device_fitted = c.device_fitted + excluded.device_fitted;
END $$;
--> statement-breakpoint
-- Everything from the raw rows, set-based (the migration's backfill; after a TRUNCATE of a source table).
CREATE FUNCTION report_rehab_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_rehab_counts;
  DELETE FROM report_rehab_persons;
  INSERT INTO report_rehab_persons (person_id, year, region_code, category, age_group, device_need, served, fitted)
  SELECT s.person_id, s.year, p.region_code, coalesce(p.category, 0), report_age_group(s.year, p.birth_date),
    'assistive_device' = ANY (s.needs), v.person_id IS NOT NULL,
    'assistive_device' = ANY (s.needs) AND coalesce(v.device, false)
  FROM need_surveys s
  JOIN persons p ON p.id = s.person_id
  LEFT JOIN (
    SELECT person_id, year, bool_or(kind = 'assistive_device') AS device
    FROM person_services
    WHERE kind IN ('rehab_training', 'assistive_device', 'medication', 'supportive_service')
    GROUP BY 1, 2) AS v ON v.person_id = s.person_id AND v.year = s.year
  WHERE s.needs && ARRAY['rehab_training', 'assistive_device', 'medication', 'supportive_service']::text[];
  INSERT INTO report_rehab_counts (year, region_code, category, age_group, needs, served, device_needs, device_fitted)
  SELECT year, region_code, category, age_group, count(*)::int, (count(*) FILTER (WHERE served))::int,
    (count(*) FILTER (WHERE device_need))::int, (count(*) FILTER (WHERE fitted))::int
  FROM report_rehab_persons
  GROUP BY 1, 2, 3, 4;
END $$;
--> statement-breakpoint
-- Needs: any change of a survey may add or remove a rehabilitation need.
CREATE FUNCTION report_rehab_from_needs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  persons_ uuid[];
  years_ smallint[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM report_rehab_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(person_id), array_agg(year) INTO persons_, years_ FROM new_rows
    WHERE needs && ARRAY['rehab_training', 'assistive_device', 'medication', 'supportive_service']::text[];
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(person_id), array_agg(year) INTO persons_, years_
    FROM (SELECT person_id, year, needs FROM new_rows UNION ALL SELECT person_id, year, needs FROM old_rows) AS x
    WHERE needs && ARRAY['rehab_training', 'assistive_device', 'medication', 'supportive_service']::text[];
  ELSE
    SELECT array_agg(person_id), array_agg(year) INTO persons_, years_ FROM old_rows
    WHERE needs && ARRAY['rehab_training', 'assistive_device', 'medication', 'supportive_service']::text[];
  END IF;
  PERFORM report_rehab_refresh(persons_, years_);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER need_surveys_report_insert AFTER INSERT ON need_surveys
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rehab_from_needs();
--> statement-breakpoint
CREATE TRIGGER need_surveys_report_update AFTER UPDATE ON need_surveys
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rehab_from_needs();
--> statement-breakpoint
CREATE TRIGGER need_surveys_report_delete AFTER DELETE ON need_surveys
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rehab_from_needs();
--> statement-breakpoint
CREATE TRIGGER need_surveys_report_truncate AFTER TRUNCATE ON need_surveys
  FOR EACH STATEMENT EXECUTE FUNCTION report_rehab_from_needs();
--> statement-breakpoint
-- Services: only those of a rehabilitation kind can change a figure.
CREATE FUNCTION report_rehab_from_services() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  persons_ uuid[];
  years_ smallint[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM report_rehab_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(person_id), array_agg(year) INTO persons_, years_ FROM new_rows
    WHERE kind IN ('rehab_training', 'assistive_device', 'medication', 'supportive_service');
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(person_id), array_agg(year) INTO persons_, years_
    FROM (SELECT person_id, year, kind FROM new_rows UNION ALL SELECT person_id, year, kind FROM old_rows) AS x
    WHERE kind IN ('rehab_training', 'assistive_device', 'medication', 'supportive_service');
  ELSE
    SELECT array_agg(person_id), array_agg(year) INTO persons_, years_ FROM old_rows
    WHERE kind IN ('rehab_training', 'assistive_device', 'medication', 'supportive_service');
  END IF;
  PERFORM report_rehab_refresh(persons_, years_);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER person_services_report_insert AFTER INSERT ON person_services
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rehab_from_services();
--> statement-breakpoint
CREATE TRIGGER person_services_report_update AFTER UPDATE ON person_services
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rehab_from_services();
--> statement-breakpoint
CREATE TRIGGER person_services_report_delete AFTER DELETE ON person_services
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rehab_from_services();
--> statement-breakpoint
CREATE TRIGGER person_services_report_truncate AFTER TRUNCATE ON person_services
  FOR EACH STATEMENT EXECUTE FUNCTION report_rehab_from_services();
--> statement-breakpoint
-- Persons: a move to another region, a new category or a corrected birth date moves the person's rows to
-- other counters. A row trigger with a WHEN clause: the many updates of persons that change none of these
-- (statuses, certificates' dates, bank accounts, a million-row benchmark update) cost nothing, where a
-- statement trigger would capture every updated row in its transition tables.
CREATE FUNCTION report_rehab_from_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_rehab_refresh(array_agg(person_id), array_agg(year)) FROM need_surveys WHERE person_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER persons_report_rehab AFTER UPDATE OF region_code, category, birth_date ON persons
  FOR EACH ROW
  WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.category IS DISTINCT FROM NEW.category
        OR OLD.birth_date IS DISTINCT FROM NEW.birth_date)
  EXECUTE FUNCTION report_rehab_from_person();
--> statement-breakpoint
SELECT report_completions_rebuild();
--> statement-breakpoint
SELECT report_rehab_rebuild();
