package org.carecircle.estimate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.carecircle.api.ApiLimits;
import org.carecircle.api.Decimals;
import org.carecircle.api.GeoJson;
import org.carecircle.api.InvalidInputException;
import org.carecircle.api.Violations;
import org.carecircle.area.AreaInput;
import org.carecircle.area.AreaLevel;
import org.carecircle.area.AreaService;
import org.carecircle.area.OsmAreas;
import org.carecircle.engine.network.WalkingNetwork;
import org.carecircle.institution.AgeGroup;
import org.carecircle.institution.ClassGroupInput;
import org.carecircle.institution.InstitutionInput;
import org.carecircle.institution.InstitutionKind;
import org.carecircle.institution.OsmChildcareReader;
import org.carecircle.institution.Ownership;
import org.carecircle.institution.RegisterImport;
import org.carecircle.institution.RegisterReader;
import org.carecircle.network.NetworkService;
import org.carecircle.network.NetworkSettings;
import org.carecircle.population.BuildingPopulation;
import org.carecircle.population.PopulationCellInput;
import org.carecircle.population.PopulationService;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Envelope;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Areas, a population grid and institutions estimated from the configured OSM extract, for a
 * district that has no register or census grid yet. Every estimate says so and how it was made;
 * running it again replaces the earlier estimates and leaves real data alone.
 */
@ApplicationScoped
public class OsmEstimates {
    private static final Logger LOG = Logger.getLogger(OsmEstimates.class);
    static final String SOURCE = "OpenStreetMap estimate";
    /** Class-size caps of the national standard for childcare institutions (乳儿班 10, 托小班 15, 托大班 20). */
    static final String INSTITUTION_METHOD = "OpenStreetMap amenity=kindergarten: one OLDER_TODDLER nursery class of 20 "
            + "slots; amenity=childcare: one class of each age group (10 INFANT, 15 TODDLER, 20 OLDER_TODDLER), the "
            + "national class-size caps; enrolled = 35.9 % of slots (the 2022 national utilization Chongqing's plan "
            + "quotes); ownership PRIVATE unless tagged operator:type=public or government, not inclusive";
    static final double UTILIZATION = 0.359;

    @Inject
    NetworkSettings networkSettings;
    @Inject
    NetworkService networks;
    @Inject
    EntityManager entityManager;
    @Inject
    AreaService areas;
    @Inject
    PopulationService population;
    @Inject
    RegisterImport registers;
    @Inject
    ApiLimits limits;

    @Transactional
    public EstimateReport estimate(Double residentsTotal, Double childrenShare) {
        Violations violations = new Violations();
        double share = childrenShare == null ? BuildingPopulation.Settings.DEFAULT.childrenShare() : childrenShare;
        violations.check(share > 0 && share < 1, "childrenShare", "must be more than 0 and less than 1 (got " + share + ")");
        if (residentsTotal != null) {
            violations.check(residentsTotal > 0 && residentsTotal <= 50_000_000, "residents",
                    "must be more than 0 and at most 50,000,000 (got " + residentsTotal + ")");
        }
        violations.throwIfAny();
        Path extract = networkSettings.osmFile().orElseThrow(() -> new InvalidInputException("extract",
                "no OSM extract is configured: set carecircle.network.osm-file (CARECIRCLE_OSM_FILE)"));
        File file = extract.toFile();
        Envelope box = OsmAreas.exportBox(file);
        if (box == null) {
            box = networkBox(networks.require().network());
        }
        removeEarlierEstimates();

        String name = extract.getFileName().toString().replaceFirst("\\.osm.*$", "");
        List<String> codes = new ArrayList<>();
        String studyCode = "osm-" + name;
        areas.create(new AreaInput(studyCode, "Study area " + name, AreaLevel.DISTRICT, null,
                GeoJson.write(GeoJson.FACTORY.toGeometry(box)), null, null, SOURCE + ": the extract's export box", null, null));
        codes.add(studyCode);
        for (OsmAreas.Boundary boundary : OsmAreas.subdistricts(file)) {
            String code = "osm-relation-" + boundary.relationId();
            areas.create(new AreaInput(code, boundary.name(), boundary.level(), studyCode, GeoJson.write(boundary.outline()),
                    null, null, "OpenStreetMap administrative boundary", null, null));
            codes.add(code);
        }
        LOG.infof("OSM estimate: %d areas", codes.size());

        BuildingPopulation.Settings settings = new BuildingPopulation.Settings(100, 35, 150, share, residentsTotal);
        List<PopulationCellInput> cells = new ArrayList<>();
        double residents = 0, children = 0;
        for (BuildingPopulation.Cell cell : BuildingPopulation.estimate(file, box, settings)) {
            cells.add(new PopulationCellInput("osm-" + name + "-" + cell.column() + "-" + cell.row(),
                    GeoJson.write(cell.boundary()), cell.residents(), cell.childrenUnder3(), SOURCE, null, true,
                    settings.method()));
            residents += cell.residents();
            children += cell.childrenUnder3();
        }
        for (int from = 0; from < cells.size(); from += limits.maxCellsPerUpsert()) {
            population.upsert(cells.subList(from, Math.min(cells.size(), from + limits.maxCellsPerUpsert())));
        }
        LOG.infof("OSM estimate: %d population cells, %.0f residents, %.0f children under 3", cells.size(), residents, children);

        List<RegisterReader.Entry> institutions = new ArrayList<>();
        for (OsmChildcareReader.Place place : OsmChildcareReader.read(file)) {
            institutions.add(new RegisterReader.Entry(place.osmId(), institution(place)));
        }
        if (!institutions.isEmpty()) {
            registers.write(institutions, new Violations(), false);
        }
        LOG.infof("OSM estimate: %d institutions", institutions.size());
        return new EstimateReport(extract.toString(), codes, cells.size(), Math.round(residents), Decimals.round(children, 1),
                settings.method(), institutions.size(), INSTITUTION_METHOD);
    }

    private void removeEarlierEstimates() {
        entityManager.createNativeQuery("DELETE FROM population_cell WHERE source = :source")
                .setParameter("source", SOURCE).executeUpdate();
        entityManager.createNativeQuery("DELETE FROM institution WHERE estimated AND external_id LIKE 'osm:%'").executeUpdate();
        // subdistricts before the study areas that hold them
        entityManager.createNativeQuery("DELETE FROM area WHERE code LIKE 'osm-%' AND parent_id IS NOT NULL").executeUpdate();
        entityManager.createNativeQuery("DELETE FROM area WHERE code LIKE 'osm-%'").executeUpdate();
        entityManager.flush();
        entityManager.clear();
    }

    static InstitutionInput institution(OsmChildcareReader.Place place) {
        boolean kindergarten = "kindergarten".equals(place.amenity());
        List<ClassGroupInput> groups = kindergarten
                ? List.of(group(AgeGroup.OLDER_TODDLER, 20))
                : List.of(group(AgeGroup.INFANT, 10), group(AgeGroup.TODDLER, 15), group(AgeGroup.OLDER_TODDLER, 20));
        JsonObject location = GeoJson.JSON.createObjectBuilder().add("type", "Point")
                .add("coordinates", GeoJson.JSON.createArrayBuilder().add(place.longitude()).add(place.latitude())).build();
        String name = place.name() != null ? place.name()
                : String.format(Locale.ROOT, "Unnamed %s (OSM %s)", place.amenity(), place.osmId());
        return new InstitutionInput(name, null, location, place.publicOperator() ? Ownership.PUBLIC : Ownership.PRIVATE,
                kindergarten ? InstitutionKind.KINDERGARTEN_NURSERY : InstitutionKind.STANDALONE, false, false, null, null,
                true, null, null, groups, "osm:" + place.osmId(), "OpenStreetMap", true, INSTITUTION_METHOD);
    }

    private static ClassGroupInput group(AgeGroup age, int slots) {
        return new ClassGroupInput(age, 1, slots, (int) Math.round(slots * UTILIZATION));
    }

    private static Envelope networkBox(WalkingNetwork network) {
        Envelope box = new Envelope();
        for (int node = 0; node < network.nodeCount(); node++) {
            box.expandToInclude(network.nodeLongitude(node), network.nodeLatitude(node));
        }
        return box;
    }
}
