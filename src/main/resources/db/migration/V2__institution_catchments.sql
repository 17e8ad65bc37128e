-- Each institution's walking service circles (5 and 15 minutes by default), for maps and for
-- analysis in PostGIS itself. Rows belong to one import of the network (its checksum): a new
-- import makes them stale and the service recomputes them.
CREATE TABLE institution_catchment (
    institution_id     bigint NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
    minutes            double precision NOT NULL,
    speed_kmh          double precision NOT NULL,
    boundary           public.geometry(MultiPolygon, 4326) NOT NULL,
    area_square_metres double precision NOT NULL,
    network_checksum   varchar(64) NOT NULL,
    computed_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (institution_id, minutes)
);
CREATE INDEX institution_catchment_boundary_idx ON institution_catchment USING gist (boundary);

-- A moved institution's circles are wrong from that moment: drop them; the service draws new ones.
CREATE FUNCTION institution_catchment_moved() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM institution_catchment WHERE institution_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER institution_catchment_moved AFTER UPDATE OF location ON institution
    FOR EACH ROW WHEN (OLD.location IS DISTINCT FROM NEW.location)
    EXECUTE FUNCTION institution_catchment_moved();
