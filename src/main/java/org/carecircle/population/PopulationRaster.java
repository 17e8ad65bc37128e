package org.carecircle.population;

import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.FileDirectoryEntry;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;
import org.carecircle.api.GeoJson;
import org.carecircle.api.InvalidInputException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;

/**
 * A GeoTIFF of people per pixel (WorldPop's 100 m rasters are of this kind) in WGS84 longitude and
 * latitude (EPSG:4326), north up: each pixel with people inside the clip box becomes a cell. Pixels
 * at the file's no-data value (GDAL_NODATA), negative or not a number hold nobody.
 */
public final class PopulationRaster {
    static final int GEOGRAPHIC_TYPE_KEY = 2048;
    static final int PROJECTED_TYPE_KEY = 3072;
    static final int WGS84 = 4326;

    /** 5,000 × 5,000 pixels: a region of 500 km square at 100 m, within a 200 MB upload. */
    static final long MAX_PIXELS = 25_000_000;

    /** One populated pixel: its column and row, outline and people. */
    public record Pixel(int column, int row, Polygon boundary, double people) {
    }

    private PopulationRaster() {
    }

    public static List<Pixel> read(byte[] tiff, Envelope clip) {
        FileDirectory directory;
        try {
            TIFFImage image = TiffReader.readTiff(tiff);
            directory = image.getFileDirectory();
        } catch (RuntimeException e) {
            throw new InvalidInputException("content", "is not a readable TIFF: " + e.getMessage());
        }
        checkCrs(directory);
        List<Double> scale = numbers(directory.get(FieldTagType.ModelPixelScale));
        List<Double> tiepoint = numbers(directory.get(FieldTagType.ModelTiepoint));
        if (scale.size() < 2 || tiepoint.size() < 6) {
            throw new InvalidInputException("content", "is not georeferenced: it needs ModelPixelScale and ModelTiepoint "
                    + "(a rotated raster, with ModelTransformation only, is not read)");
        }
        double noData = noData(directory.get(FieldTagType.GDAL_NODATA));
        double width = scale.get(0), height = scale.get(1);
        double west = tiepoint.get(3) - tiepoint.get(0) * width, north = tiepoint.get(4) + tiepoint.get(1) * height;
        if (!(width > 0 && height > 0 && width <= 1 && height <= 1) || !Double.isFinite(west) || !Double.isFinite(north)) {
            throw new InvalidInputException("content", "has pixels of " + width + " × " + height + " degrees from " + west + ", "
                    + north + ": a population raster's pixels are more than 0 and at most 1 degree, at a finite place");
        }
        long claimed = (long) directory.getImageWidth().intValue() * directory.getImageHeight().intValue();
        if (claimed > MAX_PIXELS) {
            throw new InvalidInputException("content", "claims " + directory.getImageWidth() + " × " + directory.getImageHeight()
                    + " pixels, more than the " + MAX_PIXELS + " one upload may hold; cut it into parts");
        }
        Rasters rasters;
        try {
            rasters = directory.readRasters();
        } catch (RuntimeException e) {
            throw new InvalidInputException("content", "could not be read: the file ends early or is damaged");
        }
        List<Pixel> pixels = new ArrayList<>();
        for (int row = 0; row < rasters.getHeight(); row++) {
            for (int column = 0; column < rasters.getWidth(); column++) {
                double people = rasters.getPixelSample(0, column, row).doubleValue();
                Envelope outline = new Envelope(west + column * width, west + (column + 1) * width,
                        north - (row + 1) * height, north - row * height);
                if (Double.isNaN(people) || people == noData || people <= 0 || !clip.contains(outline.centre())) {
                    continue;
                }
                if (!(people <= PopulationService.MAX_PEOPLE_PER_CELL)) {
                    throw new InvalidInputException("content", "pixel " + column + ", " + row + " holds " + people
                            + " people, more than the " + (long) PopulationService.MAX_PEOPLE_PER_CELL + " any pixel can hold");
                }
                pixels.add(new Pixel(column, row, (Polygon) GeoJson.FACTORY.toGeometry(outline), people));
            }
        }
        return pixels;
    }

    /** Only EPSG:4326 is read: a projected raster would put its metres where degrees belong. */
    private static void checkCrs(FileDirectory directory) {
        List<Double> keys = numbers(directory.get(FieldTagType.GeoKeyDirectory));
        if (keys.size() < 4) {
            throw new InvalidInputException("content", "has no GeoTIFF keys: its coordinate system is unknown; "
                    + "give a GeoTIFF in EPSG:4326 (as WorldPop publishes them)");
        }
        for (int k = 4; k + 3 < keys.size(); k += 4) {
            int key = keys.get(k).intValue(), value = keys.get(k + 3).intValue();
            if (key == PROJECTED_TYPE_KEY || key == GEOGRAPHIC_TYPE_KEY && value != WGS84) {
                throw new InvalidInputException("content", "is in EPSG:" + value + "; reproject it to EPSG:4326 "
                        + "(for example gdalwarp -t_srs EPSG:4326) before importing");
            }
        }
    }

    private static List<Double> numbers(FileDirectoryEntry entry) {
        List<Double> numbers = new ArrayList<>();
        if (entry == null) {
            return numbers;
        }
        Object values = entry.getValues();
        if (values instanceof List<?> list) {
            list.forEach(value -> numbers.add(((Number) value).doubleValue()));
        } else if (values instanceof Number number) {
            numbers.add(number.doubleValue());
        }
        return numbers;
    }

    private static double noData(FileDirectoryEntry entry) {
        if (entry == null) {
            return Double.NaN;
        }
        Object value = entry.getValues();
        String text = value instanceof List<?> list && !list.isEmpty() ? list.get(0).toString() : String.valueOf(value);
        try {
            return Double.parseDouble(text.trim().replace("\u0000", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
