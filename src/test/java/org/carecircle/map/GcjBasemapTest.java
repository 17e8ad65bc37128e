package org.carecircle.map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A GCJ-02 basemap (as Amap's) under the WGS84 layers: the page moves its tiles so that a point drawn on the
 * basemap at a place's GCJ-02 position shows at the place's WGS84 position, where the layers draw it, not
 * about 360 m off where it would show unmoved.
 */
@QuarkusTest
@TestProfile(GcjBasemapTest.Gcj02.class)
class GcjBasemapTest {
    public static class Gcj02 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("carecircle.map.tile-url", "/test-basemap/{z}/{x}/{y}.png", "carecircle.map.tile-datum", "GCJ02",
                    "carecircle.map.tile-attribution", "test basemap (GCJ-02)");
        }
    }

    @TestHTTPResource("/")
    URL page;
    @Inject
    TestDatabase database;

    private WebDriver browser;

    @BeforeEach
    void prepare() {
        database.clear();
        GraphQL.ok("mutation { estimateFromOsm { report { populationCells } userErrors { field message code } } }");
        browser = Chromium.start();
    }

    @AfterEach
    void close() {
        Chromium.close(browser, List.of());
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The share of red pixels in a square of the map's canvas around a WGS84 point. */
    private double redAround(double[] point) {
        return ((Number) js("""
                const map = window.careCircle.map, at = map.project(arguments[0]), ratio = window.devicePixelRatio;
                const copy = document.createElement('canvas'), gl = map.getCanvas();
                copy.width = gl.width; copy.height = gl.height;
                const context = copy.getContext('2d');
                context.drawImage(gl, 0, 0);
                const pixels = context.getImageData(Math.round(at.x * ratio) - 4, Math.round(at.y * ratio) - 4, 9, 9).data;
                let red = 0;
                for (let i = 0; i < pixels.length; i += 4) {
                  if (pixels[i] > 200 && pixels[i + 1] < 60 && pixels[i + 2] < 60) { red++; }
                }
                return red / 81;""", List.of(point[0], point[1]))).doubleValue();
    }

    @Test
    void aGcj02BasemapLinesUpWithTheLayers() {
        Chromium.open(browser, page + "?view=" + GcjBasemap.MARK_WGS84[0] + "," + GcjBasemap.MARK_WGS84[1] + ",17");
        // the page's transformation against gcoord's on four places (Chengdu, Chongqing, Beijing, Shanghai), and none abroad
        @SuppressWarnings("unchecked")
        List<List<Number>> shifted = (List<List<Number>>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/map-datum.js').then(datum => done([[103.98, 30.767], [106.55, 29.56], [116.397128, 39.916527],
                  [121.5272106, 31.1774276], [2.35, 48.85]].map(p => datum.wgs84ToGcj02(p[0], p[1]))));""");
        double[][] gcoord = {{103.98223873947808, 30.764408289330802}, {106.55372033746897, 29.557153428541934},
                {116.40337249402477, 39.91793074924595}, {121.531541859215, 31.17530398364597}, {2.35, 48.85}};
        for (int p = 0; p < gcoord.length; p++) {
            assertEquals(gcoord[p][0], shifted.get(p).get(0).doubleValue(), 1e-9);
            assertEquals(gcoord[p][1], shifted.get(p).get(1).doubleValue(), 1e-9);
        }
        assertTrue(browser.findElement(org.openqa.selenium.By.cssSelector(".maplibregl-ctrl-attrib")).getText()
                .contains("test basemap (GCJ-02)"));
        // only the basemap drawn, to read its pixels
        js("window.careCircle.idle = false; const map = window.careCircle.map; map.getStyle().layers.filter(l => l.id !== 'basemap'"
                + " && l.id !== 'background').forEach(l => map.setLayoutProperty(l.id, 'visibility', 'none'))");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> Boolean.TRUE.equals(js("return window.careCircle.idle")));
        assertTrue(redAround(GcjBasemap.MARK_WGS84) > 0.95, "the mark under its WGS84 place: " + redAround(GcjBasemap.MARK_WGS84));
        assertEquals(0, redAround(GcjBasemap.MARK_GCJ02), "nothing where the unmoved basemap would have put it");
    }
}
