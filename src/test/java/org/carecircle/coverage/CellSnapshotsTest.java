package org.carecircle.coverage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.carecircle.engine.coverage.CellNeighbours;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.network.NetworkService;
import org.carecircle.network.NetworkSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.carecircle.Fixtures.GRID_COLUMNS;
import static org.carecircle.Fixtures.GRID_ROWS;
import static org.carecircle.Fixtures.upsertXipuGrid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After an analysis, its cells and their links are on disk and read back the same; a damaged file is not read. */
@QuarkusTest
class CellSnapshotsTest {
    @Inject
    TestDatabase database;
    @Inject
    CoverageData data;
    @Inject
    CellSnapshots snapshots;
    @Inject
    NetworkService networks;
    @Inject
    NetworkSettings settings;

    @BeforeEach
    void prepare() {
        database.clear();
        upsertXipuGrid(2.0);
        assertEquals(GRID_COLUMNS * GRID_ROWS, GraphQL.ok("{ coverage { cells } }").getInt("data.coverage.cells"));
        snapshots.awaitWritten();
    }

    @Test
    void cellsAndLinksReadBackAsComputed() {
        CoverageData.Versions versions = QuarkusTransaction.requiringNew().call(data::versions);
        CoverageData.Cells computed = QuarkusTransaction.requiringNew().call(() -> data.cells(versions));
        CoverageData.Cells read = snapshots.readCells(versions, computed.areas);
        assertNotNull(read);
        assertEquals(GRID_COLUMNS * GRID_ROWS, read.size());
        assertArrayEquals(computed.cellId, read.cellId);
        assertArrayEquals(computed.latitude, read.latitude);
        assertArrayEquals(computed.longitude, read.longitude);
        assertArrayEquals(computed.childrenUnder3, read.childrenUnder3);
        assertArrayEquals(computed.area, read.area);
        for (int c = 0; c < read.size(); c++) {
            assertTrue(computed.boundary[c].equalsExact(read.boundary[c]), "cell " + c);
        }
        CellNeighbours found = computed.neighbours();
        snapshots.awaitWritten();
        CellNeighbours stored = snapshots.readNeighbours(read);
        assertNotNull(stored);
        assertEquals(found.cells(), stored.cells());
        for (int c = 0; c < read.size(); c++) {
            assertEquals(found.count(c), stored.count(c));
            for (int k = 0; k < found.count(c); k++) {
                assertEquals(found.neighbour(c, k), stored.neighbour(c, k));
            }
        }
        NetworkLoader.Loaded network = networks.require();
        PointLinks joined = computed.links(network, WalkingProfile.FOOT, settings.maxSnapMetres());
        PointLinks storedLinks = snapshots.readLinks(read, network, WalkingProfile.FOOT, settings.maxSnapMetres());
        assertNotNull(storedLinks);
        for (int c = 0; c < read.size(); c++) {
            assertEquals(joined.linked(c), storedLinks.linked(c));
            if (joined.linked(c)) {
                assertEquals(joined.networkPoint(c), storedLinks.networkPoint(c), "cell " + c);
            }
        }
    }

    @Test
    void aDamagedSnapshotIsNotRead() throws IOException {
        CoverageData.Versions versions = QuarkusTransaction.requiringNew().call(data::versions);
        CoverageData.Cells computed = QuarkusTransaction.requiringNew().call(() -> data.cells(versions));
        computed.neighbours();
        snapshots.awaitWritten();
        try (Stream<Path> files = Files.list(snapshots.folder())) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains("-" + versions.cellsKey())).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            }
        }
        assertNull(snapshots.readCells(versions, computed.areas));
        assertNull(snapshots.readNeighbours(computed));
        assertNull(snapshots.readLinks(computed, networks.require(), WalkingProfile.FOOT, settings.maxSnapMetres()));
    }

    @Test
    void otherDataIsNeverReadFromTheSnapshot() {
        CoverageData.Versions versions = QuarkusTransaction.requiringNew().call(data::versions);
        CoverageData.Versions later = new CoverageData.Versions(versions.institutions(), versions.population() + 1,
                versions.areas(), versions.epoch());
        assertNull(snapshots.readCells(later, QuarkusTransaction.requiringNew().call(data::areas)));
    }
}
