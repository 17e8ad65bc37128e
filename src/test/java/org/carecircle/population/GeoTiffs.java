package org.carecircle.population;

import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.FileDirectoryEntry;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffWriter;
import mil.nga.tiff.util.TiffConstants;

import java.io.IOException;
import java.util.List;

/** Population GeoTIFFs as WorldPop publishes them: one float band of people per pixel, north up, no-data −99999. */
public final class GeoTiffs {
    private GeoTiffs() {
    }

    /** In EPSG:4326, as the service reads them. */
    public static byte[] wgs84(float[][] people, double west, double north, double width, double height) throws IOException {
        return write(people, west, north, width, height, PopulationRaster.GEOGRAPHIC_TYPE_KEY, PopulationRaster.WGS84);
    }

    /**
     * {@code people[row][column]}, row 0 the northernmost; the top-left corner at ({@code west},
     * {@code north}), pixels {@code width} × {@code height} degrees, in the CRS {@code crs} given by
     * the GeoKey {@code crsKey} (geographic or projected type).
     */
    public static byte[] write(float[][] people, double west, double north, double width, double height, int crsKey, int crs)
            throws IOException {
        int rows = people.length, columns = people[0].length;
        Rasters rasters = new Rasters(columns, rows, 1, FieldType.FLOAT);
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                rasters.setPixelSample(0, column, row, people[row][column]);
            }
        }
        FileDirectory directory = new FileDirectory();
        directory.setImageWidth(columns);
        directory.setImageHeight(rows);
        directory.setBitsPerSample(32);
        directory.setCompression(TiffConstants.COMPRESSION_NO);
        directory.setPhotometricInterpretation(TiffConstants.PHOTOMETRIC_INTERPRETATION_BLACK_IS_ZERO);
        directory.setSamplesPerPixel(1);
        // the writer stores strip byte counts as 16-bit numbers: strips stay under 64 KB
        directory.setRowsPerStrip(Math.max(1, Math.min(rows, 65_535 / (4 * columns))));
        directory.setPlanarConfiguration(TiffConstants.PLANAR_CONFIGURATION_CHUNKY);
        directory.setSampleFormat(TiffConstants.SAMPLE_FORMAT_FLOAT);
        directory.setWriteRasters(rasters);
        directory.addEntry(new FileDirectoryEntry(FieldTagType.ModelPixelScale, FieldType.DOUBLE, 3, List.of(width, height, 0.0)));
        directory.addEntry(new FileDirectoryEntry(FieldTagType.ModelTiepoint, FieldType.DOUBLE, 6,
                List.of(0.0, 0.0, 0.0, west, north, 0.0)));
        directory.addEntry(new FileDirectoryEntry(FieldTagType.GeoKeyDirectory, FieldType.SHORT, 12,
                List.of(1, 1, 0, 2, 1024, 0, 1, crsKey == PopulationRaster.PROJECTED_TYPE_KEY ? 1 : 2, crsKey, 0, 1, crs)));
        directory.addEntry(new FileDirectoryEntry(FieldTagType.GDAL_NODATA, FieldType.ASCII, 7, List.of("-99999")));
        return TiffWriter.writeTiffToBytes(new TIFFImage(directory));
    }
}
