-- Who saved a scenario last (the login's name), so each planner can list their own; none for older rows and for
-- scenarios the service writes itself.
ALTER TABLE scenario ADD COLUMN saved_by varchar(100);
