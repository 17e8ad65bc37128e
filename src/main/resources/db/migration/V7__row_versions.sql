-- Every save raises its row's version; an edit names the version it was made on, and a stale one is
-- refused (CONFLICT) instead of silently undoing another planner's save. Scenarios have one since V4.
ALTER TABLE institution ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE area ADD COLUMN version integer NOT NULL DEFAULT 1;
