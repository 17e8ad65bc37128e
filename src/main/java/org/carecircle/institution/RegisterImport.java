package org.carecircle.institution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.carecircle.api.CoordinateSystem;
import org.carecircle.api.ImportLock;
import org.carecircle.api.ImportReport;
import org.carecircle.api.Violation;
import org.carecircle.api.Violations;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Point;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Institution registers in, all or nothing: every record is read and checked first, each problem
 * named by its line (or feature) and column; then records with a known external id update that
 * institution and the rest are inserted, in one transaction.
 */
@ApplicationScoped
public class RegisterImport {
    private static final Logger LOG = Logger.getLogger(RegisterImport.class);
    /** Far above any city's register (Chongqing's whole municipality holds a few thousand institutions). */
    static final int MAX_RECORDS = 200_000;

    @Inject
    InstitutionWriter writer;
    @Inject
    ImportLock importLock;
    @Inject
    Event<InstitutionsLocated> located;

    @Transactional
    public ImportReport importRegister(String content, RegisterFormat format, CoordinateSystem coordinates, boolean dryRun) {
        Violations violations = new Violations();
        List<RegisterReader.Entry> entries = (format == null ? RegisterFormat.CSV : format) == RegisterFormat.CSV
                ? RegisterReader.csv(content, coordinates == null ? CoordinateSystem.WGS84 : coordinates, violations)
                : RegisterReader.geoJson(content, coordinates == null ? CoordinateSystem.WGS84 : coordinates, violations);
        return write(entries, violations, dryRun);
    }

    /**
     * Checks every entry (adding to problems already found in the file), then, unless any is bad or
     * this is a dry run, upserts them all by external id.
     */
    @Transactional
    public ImportReport write(List<RegisterReader.Entry> entries, Violations violations, boolean dryRun) {
        violations.check(!entries.isEmpty() || !violations.isEmpty(), "content", "holds no institutions");
        violations.check(entries.size() <= MAX_RECORDS, "content",
                "holds " + entries.size() + " institutions, more than the " + MAX_RECORDS + " one import may write");
        List<Point> locations = new ArrayList<>();
        Map<String, String> placeOfExternalId = new HashMap<>();
        for (RegisterReader.Entry entry : entries) {
            locations.add(validate(entry, violations));
            String externalId = entry.input().externalId();
            if (externalId != null) {
                String first = placeOfExternalId.putIfAbsent(externalId, entry.place());
                violations.check(first == null, entry.place() + " externalId",
                        "\"" + externalId + "\" is also on " + first + "; each institution once");
            }
        }
        violations.throwIfAny();
        importLock.take("institutions");
        Map<String, InstitutionWriter.Held> held = writer.heldUnder(placeOfExternalId.keySet());
        List<InstitutionWriter.Row> rows = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String externalId = entries.get(i).input().externalId();
            InstitutionWriter.Held before = externalId == null ? null : held.get(externalId);
            rows.add(new InstitutionWriter.Row(before == null ? null : before.id(), entries.get(i).input(), locations.get(i)));
        }
        ImportReport report = new ImportReport(dryRun, entries.size(), entries.size() - held.size(), held.size());
        if (dryRun) {
            return report;
        }
        List<Long> ids = writer.write(rows);
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String externalId = rows.get(i).input().externalId();
            InstitutionWriter.Held before = externalId == null ? null : held.get(externalId);
            if (before == null || !before.standsAt(locations.get(i))) {
                placed.add(ids.get(i));
            }
        }
        located.fire(new InstitutionsLocated(placed));
        LOG.infof("Register import: %d inserted, %d updated", report.inserted(), report.updated());
        return report;
    }

    /** The record's own rules; a location already refused by its columns is not reported twice. */
    private static Point validate(RegisterReader.Entry entry, Violations violations) {
        Violations own = new Violations();
        Point location = InstitutionValidator.validate(entry.input(), entry.place(), own);
        for (Violation violation : own.list()) {
            if (entry.input().location() != null || !violation.field().equals(entry.place() + ".location")) {
                violations.add(violation.field(), violation.reason());
            }
        }
        return location;
    }
}
