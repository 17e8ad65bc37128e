package org.carecircle.coverage;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.carecircle.api.Background;
import org.carecircle.api.GeoJson;
import org.carecircle.engine.coverage.CellNeighbours;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.network.NetworkSettings;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * The population cells as an analysis reads them, and their links to the network, kept in files
 * beside the walking network's cache and named by the data versions they were read at: after a
 * restart the first analysis reads them instead of querying and joining every cell again. A file
 * that does not match the data is never read (its name says which data it holds); one that fails
 * to read is recomputed. Files are written in the background and replace the older ones.
 */
@ApplicationScoped
public class CellSnapshots {
    private static final Logger LOG = Logger.getLogger(CellSnapshots.class);
    private static final int FORMAT = 1;

    @Inject
    NetworkSettings settings;

    private final ExecutorService writer = Background.worker("cell-snapshots");

    void stop(@Observes ShutdownEvent stop) {
        writer.shutdown();
    }

    /** Waits until every snapshot asked for so far is written. */
    void awaitWritten() {
        Background.awaitQueued(writer);
    }

    Path folder() {
        return settings.cacheFolder().resolve("cells");
    }

    private static String cellsFile(CoverageData.Versions versions) {
        return "cells-" + FORMAT + "-" + versions.cellsKey() + ".bin";
    }

    private static String linksFile(CoverageData.Versions versions, NetworkLoader.Loaded network, WalkingProfile profile,
                                    double maxSnapMetres) {
        return String.format(Locale.ROOT, "links-%d-%s-%s-%s-%.1f.bin", FORMAT, versions.cellsKey(),
                network.checksum().substring(0, 16), profile, maxSnapMetres);
    }

    /** The cells as written for these versions, or null if there is no such file (or it cannot be read). */
    CoverageData.Cells readCells(CoverageData.Versions versions, CoverageData.Areas areas) {
        Path file = folder().resolve(cellsFile(versions));
        if (!Files.isRegularFile(file)) {
            return null;
        }
        long start = System.nanoTime();
        WKBReader reader = new WKBReader(GeoJson.FACTORY);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            int count = in.readInt();
            CoverageData.Cells cells = new CoverageData.Cells(versions, areas, count, this);
            for (int c = 0; c < count; c++) {
                cells.cellId[c] = in.readUTF();
                cells.latitude[c] = in.readDouble();
                cells.longitude[c] = in.readDouble();
                cells.residents[c] = in.readDouble();
                cells.childrenUnder3[c] = in.readDouble();
                cells.estimated[c] = in.readBoolean();
                cells.area[c] = in.readInt();
                if (cells.area[c] >= areas.size()) {
                    throw new IOException("cell " + c + " names area " + cells.area[c] + " of " + areas.size());
                }
                byte[] wkb = new byte[in.readInt()];
                in.readFully(wkb);
                cells.boundary[c] = (Polygon) reader.read(wkb);
            }
            LOG.infof("Read %d population cells from %s in %d ms", count, file.getFileName(), (System.nanoTime() - start) / 1_000_000);
            return cells;
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.warnf("Population cells in %s could not be read (%s); reading them from the database", file, e.getMessage());
            return null;
        }
    }

    /** Writes the cells in the background, replacing older snapshots. */
    void writeCells(CoverageData.Cells cells) {
        write(cellsFile(cells.versions), cellsFile(cells.versions), out -> {
            WKBWriter wkb = new WKBWriter();
            out.writeInt(cells.size());
            for (int c = 0; c < cells.size(); c++) {
                out.writeUTF(cells.cellId[c]);
                out.writeDouble(cells.latitude[c]);
                out.writeDouble(cells.longitude[c]);
                out.writeDouble(cells.residents[c]);
                out.writeDouble(cells.childrenUnder3[c]);
                out.writeBoolean(cells.estimated[c]);
                out.writeInt(cells.area[c]);
                byte[] bytes = wkb.write(cells.boundary[c]);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        });
    }

    private static String neighboursFile(CoverageData.Versions versions) {
        return "neighbours-" + FORMAT + "-" + versions.cellsKey() + ".bin";
    }

    /** The cells' neighbours as written for these cells, or null. */
    CellNeighbours readNeighbours(CoverageData.Cells cells) {
        Path file = folder().resolve(neighboursFile(cells.versions));
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            CellNeighbours neighbours = CellNeighbours.read(in, cells.size());
            LOG.infof("Read the neighbours of %d population cells from %s", cells.size(), file.getFileName());
            return neighbours;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Neighbours in %s could not be read (%s); finding them again", file, e.getMessage());
            return null;
        }
    }

    /** Writes the neighbours in the background, replacing older ones. */
    void writeNeighbours(CoverageData.Cells cells, CellNeighbours neighbours) {
        write(neighboursFile(cells.versions), neighboursFile(cells.versions), neighbours::write);
    }

    /** The cells' links as written for this network, profile and snap distance, or null. */
    PointLinks readLinks(CoverageData.Cells cells, NetworkLoader.Loaded network, WalkingProfile profile, double maxSnapMetres) {
        Path file = folder().resolve(linksFile(cells.versions, network, profile, maxSnapMetres));
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            PointLinks links = PointLinks.read(in, network.network());
            if (links.size() != cells.size() || links.profile() != profile) {
                throw new IOException("it holds " + links.size() + " " + links.profile() + " links for " + cells.size() + " cells");
            }
            LOG.infof("Read the links of %d population cells to the %s network from %s", links.size(), profile, file.getFileName());
            return links;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Links in %s could not be read (%s); joining the cells again", file, e.getMessage());
            return null;
        }
    }

    /** Writes the links in the background, replacing those of older cells. */
    void writeLinks(CoverageData.Cells cells, NetworkLoader.Loaded network, WalkingProfile profile, double maxSnapMetres,
                    PointLinks links) {
        write(linksFile(cells.versions, network, profile, maxSnapMetres), "links-" + FORMAT + "-" + cells.versions.cellsKey(),
                links::write);
    }

    private interface Content {
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * Writes {@code name} beside its temporary file and moves it in; removes the files of its kind
     * (what its name starts with, up to the first '-') that do not start with {@code keep}, which it does.
     */
    private void write(String name, String keep, Content content) {
        writer.execute(() -> {
            Path folder = folder();
            Path file = folder.resolve(name);
            try {
                Files.createDirectories(folder);
                Path partial = Files.createTempFile(folder, name, ".partial");
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20))) {
                    content.write(out);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                String kind = name.substring(0, name.indexOf('-') + 1);
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path old : files.filter(f -> f.getFileName().toString().startsWith(kind)
                            && !f.getFileName().toString().startsWith(keep)).toList()) {
                        Files.deleteIfExists(old);
                    }
                }
                LOG.infof("Wrote %s (%d MB)", name, Files.size(file) >> 20);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Could not write %s (%s): the next start joins the cells again", file, e.getMessage());
            }
        });
    }
}
