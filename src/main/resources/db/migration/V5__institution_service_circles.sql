-- "Catchment" keeps one meaning, the floating catchments of 2SFCA: the circles stored for each
-- institution are its service circles.
ALTER TABLE institution_catchment RENAME TO institution_service_circle;
ALTER INDEX institution_catchment_boundary_idx RENAME TO institution_service_circle_boundary_idx;
ALTER TABLE institution_service_circle RENAME CONSTRAINT institution_catchment_pkey TO institution_service_circle_pkey;
ALTER TABLE institution_service_circle
    RENAME CONSTRAINT institution_catchment_institution_id_fkey TO institution_service_circle_institution_id_fkey;

DROP TRIGGER institution_catchment_moved ON institution;
DROP FUNCTION institution_catchment_moved();

-- A moved institution's circles are wrong from that moment: drop them; the service draws new ones.
CREATE FUNCTION institution_service_circle_moved() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM institution_service_circle WHERE institution_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER institution_service_circle_moved AFTER UPDATE OF location ON institution
    FOR EACH ROW WHEN (OLD.location IS DISTINCT FROM NEW.location)
    EXECUTE FUNCTION institution_service_circle_moved();
