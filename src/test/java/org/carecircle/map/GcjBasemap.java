package org.carecircle.map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A GCJ-02 basemap for the tests, as Amap's would be: white tiles with one red square drawn where a known WGS84 point
 * lies in GCJ-02 ({@link #MARK_GCJ02}, from the gcoord library, not from CareCircle's code).
 */
@Path("/test-basemap/{z}/{x}/{y}.png")
public class GcjBasemap {
    /** A point in Xipu in WGS84, longitude and latitude. */
    static final double[] MARK_WGS84 = {103.98, 30.767};
    /** The same point in GCJ-02, by gcoord 1.0.7: transform([103.98, 30.767], WGS84, GCJ02). */
    static final double[] MARK_GCJ02 = {103.98223873947808, 30.764408289330802};
    static final int MARK_PIXELS = 24;

    @GET
    @Produces("image/png")
    public byte[] tile(@PathParam("z") int z, @PathParam("x") int x, @PathParam("y") int y) throws IOException {
        double world = 256 * Math.pow(2, z), sine = Math.sin(Math.toRadians(MARK_GCJ02[1]));
        double markX = (MARK_GCJ02[0] + 180) / 360 * world - 256.0 * x;
        double markY = (0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI)) * world - 256.0 * y;
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 256, 256);
        graphics.setColor(Color.RED);
        graphics.fillRect((int) Math.round(markX) - MARK_PIXELS / 2, (int) Math.round(markY) - MARK_PIXELS / 2, MARK_PIXELS, MARK_PIXELS);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
