package org.carecircle.map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.carecircle.network.StoredCircleService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.carecircle.Fixtures.classGroup;
import static org.carecircle.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map page in a real headless Chromium (Debian's chromium and chromium-driver, WebGL by SwiftShader) on the Xipu
 * demo: what MapLibre draws from the service's tiles (read back with queryRenderedFeatures) is what the API holds, at
 * desktop (1400 × 900) and phone (390 × 844) sizes, in Chinese and English, with no console errors but those a test
 * provokes. Leaves target/map-xipu.png and target/map-report.pdf.
 */
@QuarkusTest
@TestProfile(MapPageTest.CityTiles.class)
class MapPageTest {
    /** Tiles hold as many cells as they do in service (the other tests lower it to see squares on the demo). */
    public static class CityTiles implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("carecircle.tiles.max-features", "4096");
        }
    }

    @TestHTTPResource("/")
    URL page;
    @Inject
    TestDatabase database;
    @Inject
    StoredCircleService storedCircles;

    private WebDriver browser;
    /** Console errors a test provokes on purpose (a refused login, a failing tile), by a part of their text. */
    private final List<String> provoked = new ArrayList<>();

    @BeforeEach
    void prepare() {
        database.clear();
        GraphQL.ok("mutation { estimateFromOsm { report { populationCells } userErrors { field message code } } }");
        storedCircles.awaitDrawn();
        browser = Chromium.start();
    }

    @AfterEach
    void close() {
        Chromium.close(browser, provoked);
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private void open(String query) {
        Chromium.open(browser, page + query);
    }

    /** Runs an action on the page and waits until the map has drawn everything it asked for. */
    private void andWaitForTheMap(Runnable action) {
        js("window.careCircle.idle = false");
        action.run();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> Boolean.TRUE.equals(js("return window.careCircle.idle")));
    }

    private long count(String layer) {
        Object value = js("return window.careCircle.counts[arguments[0]]", layer);
        return value == null ? -1 : ((Number) value).longValue();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Clicks the map where the first feature of a map layer is drawn, once it is (a layer just switched on draws a frame later). */
    private void clickFeature(String layer) {
        @SuppressWarnings("unchecked")
        List<Number> point = new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> (List<Number>) js(
                "const map = window.careCircle.map, feature = map.queryRenderedFeatures({ layers: [arguments[0]] })[0];"
                + " if (!feature) { return null; } const at = map.project(feature.geometry.type === 'Point'"
                + " ? feature.geometry.coordinates : map.getCenter()); return [at.x, at.y];", layer));
        clickMap(point.get(0).doubleValue(), point.get(1).doubleValue());
    }

    /** Clicks the map at a pixel of it (from its top left corner). */
    private void clickMap(double x, double y) {
        WebElement map = browser.findElement(By.id("map"));
        new Actions(browser).moveToElement(map, (int) Math.round(x - map.getSize().getWidth() / 2.0),
                (int) Math.round(y - map.getSize().getHeight() / 2.0)).click().perform();
    }

    @Test
    void theDemoMapDrawsWhatTheApiHolds() throws IOException {
        open("");
        assertEquals(5, count("institutions"));
        assertEquals(database.count("institution_service_circle"), count("circles"));
        JsonPath gaps = GraphQL.ok("{ gapAreas(minutes: 15, first: 10) { gaps { totalCount nodes { rank } } } }");
        assertEquals(gaps.getLong("data.gapAreas.gaps.totalCount"), count("gaps"));
        assertEquals(gaps.getList("data.gapAreas.gaps.nodes").size(), browser.findElements(By.cssSelector("#gap-list li")).size());
        assertTrue(count("streets") > 500, "streets " + count("streets"));
        assertEquals(1, count("choropleth"), "the study area coloured by slots per 1,000 against its target");
        assertEquals(12, browser.findElements(By.cssSelector("#indicator-table tbody tr")).size());
        assertTrue(text("area").contains("Study area chengdu-xipu"));
        assertTrue(text("target-set").contains("重庆市行动方案（2025年目标）"));
        assertEquals("5 个", browser.findElement(By.cssSelector("[data-status=institutions]")).getText());
        Files.createDirectories(Path.of("target"));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target/map-xipu.png"),
                StandardCopyOption.REPLACE_EXISTING);

        andWaitForTheMap(() -> browser.findElement(By.cssSelector("[data-layer=areas]")).click());
        assertEquals(1, count("areas"));
        // the cell layers: every cell, and the cells with children wanting a place and none within 15 minutes, as the API
        // counts them (to a tenth of a child, as the tiles carry them)
        andWaitForTheMap(() -> List.of("population", "coverage", "capacity").forEach(layer ->
                browser.findElement(By.cssSelector("[data-layer=" + layer + "]")).click()));
        assertEquals(database.count("population_cell"), count("population"));
        assertEquals(database.count("population_cell"), count("coverage"));
        List<Map<String, List<Map<String, Number>>>> cells = GraphQL.allNodes("query($after: String) { coverageCells("
                + "boundingBox: {west: 103.9, south: 30.7, east: 104.1, north: 30.8}, first: 500, after: $after) { nodes { "
                + "limits { childrenWantingPlaceUncovered } } pageInfo { endCursor hasNextPage } } }", null, "coverageCells");
        long left = cells.stream().filter(cell -> cell.get("limits").get(1).get("childrenWantingPlaceUncovered")
                .doubleValue() >= 0.05).count();
        assertTrue(left > 0);
        assertEquals(left, count("capacity"));

        // street names from the extract, at street zoom
        andWaitForTheMap(() -> js("window.careCircle.map.jumpTo({ zoom: 16.5 })"));
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) js("return window.careCircle.map.queryRenderedFeatures({ layers: ['street-names'] })"
                + ".map(f => f.properties.name)");
        assertFalse(names.isEmpty(), "street names drawn");
        String extract = Files.readString(Path.of("../shared/data/osm/chengdu-xipu.osm"));
        assertTrue(names.stream().allMatch(name -> extract.contains("k=\"name\" v=\"" + name + "\"")), names.toString());
        // and place names: the extract's village 林湾村 labelled where its node is
        andWaitForTheMap(() -> js("window.careCircle.map.jumpTo({ center: [103.9917202, 30.7627905], zoom: 15 })"));
        @SuppressWarnings("unchecked")
        List<List<Object>> places = (List<List<Object>>) js("const map = window.careCircle.map; return map.queryRenderedFeatures("
                + "{ layers: ['place-names'] }).map(f => [f.properties.name, map.project(f.geometry.coordinates).dist(map.project("
                + "[103.9917202, 30.7627905]))])");
        assertTrue(places.stream().anyMatch(p -> p.get(0).equals("林湾村") && ((Number) p.get(1)).doubleValue() < 1), places.toString());
    }

    /**
     * The page's own words (labels, legend, indicator names and gaps, summary, gap list, target sets, an institution's
     * popup) hold no Latin letter in Chinese and no Chinese character in English; names from the data (areas,
     * institutions) and the product's name are not words of the page.
     */
    @Test
    void chineseModeShowsNoEnglishAndEnglishModeNoChinese() {
        open("");
        List<String> chinese = pageWords();
        assertTrue(chinese.size() > 40, chinese.toString());
        List<String> english = chinese.stream().filter(text -> LATIN.matcher(text.replace("CareCircle", "")
                .replace("OpenStreetMap", "").replace("ODbL", "")).find()).toList();
        assertEquals(List.of(), english, "English in Chinese mode");

        browser.findElement(By.id("language")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
                !CHINESE.matcher(driver.findElement(By.id("indicator-table")).getText()).find()
                        && !driver.findElements(By.cssSelector("#target-set option")).isEmpty()
                        && !driver.findElements(By.cssSelector("#choropleth option")).isEmpty());
        List<String> words = pageWords();
        assertEquals(List.of(), words.stream().filter(text -> CHINESE.matcher(text).find()).toList(), "Chinese in English mode");
    }

    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private List<String> pageWords() {
        List<String> words = new ArrayList<>();
        for (WebElement element : browser.findElements(By.cssSelector("#panel [data-text], [data-status], #legend li, #indicator-table tbody td, "
                + "#coverage-summary, #gap-list li, #target-set option, #choropleth option, #area-level option, "
                + ".maplibregl-ctrl-attrib, .north"))) {
            words.add(element.getAttribute("textContent"));
        }
        words.add(browser.findElement(By.id("user")).getAttribute("placeholder"));
        words.add(browser.findElement(By.id("password")).getAttribute("placeholder"));
        words.add(browser.findElement(By.id("swipe")).getAttribute("aria-label"));
        // an institution's popup, without its name (the first line: data)
        clickFeature("institutions");
        WebElement popup = new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                driver.findElement(By.cssSelector(".maplibregl-popup-content b")));
        String name = popup.getText();
        words.add(browser.findElement(By.cssSelector(".maplibregl-popup-content")).getText().replace(name, "").replace("×", ""));
        browser.findElement(By.cssSelector(".maplibregl-popup-close-button")).click();
        return words;
    }

    /** On a phone the map keeps the screen's width and the panel follows below; the OSM credit, scale and north show, in both languages. */
    @Test
    void onAPhoneTheMapKeepsTheWidth() {
        browser.manage().window().setSize(new Dimension(390, 844));
        open("");
        WebElement map = browser.findElement(By.id("map")), panel = browser.findElement(By.id("panel"));
        long width = (Long) js("return document.documentElement.clientWidth");
        assertEquals(width, map.getSize().getWidth(), 1, "the map spans the screen");
        assertTrue(map.getSize().getHeight() > 400, "map height " + map.getSize().getHeight());
        assertTrue(panel.getLocation().getY() >= map.getLocation().getY() + map.getSize().getHeight() - 1, "the panel is below");
        assertEquals(width, panel.getSize().getWidth(), 1);
        assertTrue((Long) js("return document.documentElement.scrollWidth") <= width, "nothing wider than the screen");
        assertEquals(5, count("institutions"), "the whole demo in view on a phone");
        assertTrue(browser.findElement(By.cssSelector(".maplibregl-ctrl-attrib")).getText().contains("© OpenStreetMap 贡献者"));
        assertTrue(browser.findElement(By.cssSelector(".maplibregl-ctrl-scale")).getText().matches("\\d+ k?m"),
                browser.findElement(By.cssSelector(".maplibregl-ctrl-scale")).getText());
        assertEquals("↑ 北", browser.findElement(By.cssSelector(".north")).getText());
        // the whole demo on a phone is below the streets' zoom: the status says from which zoom they show
        assertTrue((Double) js("return window.careCircle.map.getZoom()") < 14);
        assertEquals("放大到14级显示", browser.findElement(By.cssSelector("[data-status=streets]")).getText());
        browser.findElement(By.id("language")).click();
        assertEquals("shown from zoom 14", browser.findElement(By.cssSelector("[data-status=streets]")).getText());
        assertEquals("5 shown", browser.findElement(By.cssSelector("[data-status=institutions]")).getText());
        assertTrue(browser.findElement(By.cssSelector(".maplibregl-ctrl-attrib")).getText().contains("© OpenStreetMap contributors"));
        assertEquals("↑ N", browser.findElement(By.cssSelector(".north")).getText());
        assertEquals("Layers", browser.findElement(By.cssSelector("[data-text=layers]")).getText());
    }

    /** A legend says what each layer's colours mean; a layer whose tiles fail says so beside it, and the others stay. */
    @Test
    void aLegendExplainsAndALayerFailsAlone() {
        open("");
        assertEquals(10, browser.findElements(By.cssSelector("#legend li")).size());
        assertTrue(text("legend").contains("估算值"));
        assertTrue(browser.findElement(By.cssSelector("[data-legend=coverage]")).getText().contains("≤ 15"));
        provoked.add("/tiles/nosuchlayer/");
        // the streets' tiles from an address the service refuses
        js("const source = window.careCircle.map.getSource('streets'); source.setTiles([source.tiles[0].replace('/streets/',"
                + " '/nosuchlayer/')])");
        WebElement streets = browser.findElement(By.cssSelector("[data-status=streets]"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> streets.getText().startsWith("加载失败"));
        assertTrue(streets.getAttribute("class").contains("failed"), streets.getText());
        assertTrue(streets.getText().length() > "加载失败: ".length(), "the error said: " + streets.getText());
        andWaitForTheMap(() -> js("window.careCircle.map.panBy([5, 5])"));
        assertEquals("5 个", browser.findElement(By.cssSelector("[data-status=institutions]")).getText());
        assertEquals(5, count("institutions"));
    }

    /** A wrong password is said beside the login form (no browser dialog), a right one shows who is logged in. */
    @Test
    void theLoginSaysItsStateBesideTheForm() {
        open("");
        provoked.add("401");
        browser.findElement(By.id("user")).sendKeys("planner");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("propose")).click();
        clickMap(300, 300);
        browser.findElement(By.id("compare")).click();
        WebElement state = browser.findElement(By.id("login-state"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !state.getText().isEmpty());
        assertEquals("用户名或密码错误", state.getText());
        assertTrue(state.getAttribute("class").contains("failed"));
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys("planner");
        browser.findElement(By.id("compare")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> state.getText().startsWith("已登录"));
        assertEquals("已登录：planner", state.getText());
        assertFalse(state.getAttribute("class").contains("failed"));
    }

    /** Minutes, speed, profile, take-up and capacity come from the address and drive every figure; so does the view. */
    @Test
    void theSettingsLiveInTheAddressAndDriveTheFigures() {
        open("?speed=3&profile=STROLLER&takeUp=0.5&capacity=FREE_PLACES&near=10&far=20&view=103.98,30.767,15.5");
        assertEquals("3", browser.findElement(By.id("speed")).getAttribute("value"));
        assertEquals("STROLLER", browser.findElement(By.id("profile")).getAttribute("value"));
        assertEquals("20", browser.findElement(By.id("far")).getAttribute("value"));
        assertEquals(15.5, ((Number) js("return window.careCircle.map.getZoom()")).doubleValue(), 0.01);
        JsonPath api = GraphQL.ok("{ coverage(parameters: {minutes: [10, 20], speedKmh: 3, profile: STROLLER, takeUpRate: 0.5, "
                + "capacity: FREE_PLACES}) { overall { childrenWantingPlace limits { childrenWantingPlaceCovered } } } }");
        String expected = String.format(Locale.ROOT, "20 分钟内: .* %.0f / %.0f 有托位",
                api.getDouble("data.coverage.overall.limits[1].childrenWantingPlaceCovered"),
                api.getDouble("data.coverage.overall.childrenWantingPlace"));
        String summary = text("coverage-summary");
        assertTrue(Pattern.compile(expected).matcher(summary).find(), summary + " should match " + expected);
        assertTrue(browser.findElement(By.cssSelector("[data-legend=coverage]")).getText().contains("≤ 20"));
        // the cells drawn carry the chosen limits
        andWaitForTheMap(() -> browser.findElement(By.cssSelector("[data-layer=coverage]")).click());
        assertEquals(Boolean.TRUE, js("return window.careCircle.map.queryRenderedFeatures({ layers: ['coverage'] })"
                + ".some(f => 'childrenWithin20' in f.properties)"));
        WebElement speed = browser.findElement(By.id("speed"));
        speed.clear();
        speed.sendKeys("6");
        speed.sendKeys(Keys.TAB);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().contains("speed=6"));
        assertTrue(browser.getCurrentUrl().contains("profile=STROLLER"), browser.getCurrentUrl());
        assertTrue(browser.getCurrentUrl().contains("far=20"), browser.getCurrentUrl());
    }

    /** Printed, the view becomes a report: the map across the page, legend, figures and indicators, no controls. */
    @Test
    void theViewPrintsAsAReport() throws IOException {
        open("");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertFalse(browser.findElement(By.id("propose")).isDisplayed());
        assertFalse(browser.findElement(By.id("speed")).isDisplayed());
        for (String shown : List.of("legend", "coverage-summary", "gap-list", "indicator-table")) {
            assertTrue(browser.findElement(By.id(shown)).isDisplayed(), shown);
        }
        long width = (Long) js("return document.documentElement.clientWidth");
        assertEquals(width, browser.findElement(By.id("map")).getSize().getWidth(), 1);
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) browser).print(new PrintOptions()).getContent());
        Files.write(Path.of("target/map-report.pdf"), pdf);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(pdf.length > 20_000, "report of " + pdf.length + " bytes");
    }

    /** An area clicked shows its indicators, a bar per targeted indicator and its own gaps. */
    @Test
    void anAreaClickedShowsItsIndicatorsAndChart() {
        open("");
        // a point of the study area away from institutions and gaps: switch those off first
        List.of("institutions", "gaps", "circles", "areas").forEach(layer -> browser.findElement(By.cssSelector("[data-layer=" + layer + "]")).click());
        clickFeature("areas-fill");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver.findElement(By.id("area-detail")).isDisplayed());
        assertEquals("Study area chengdu-xipu", text("area-name"));
        assertEquals(12, browser.findElements(By.cssSelector("#area-table tbody tr")).size());
        // a bar for each indicator the target set targets and the area has a value of, as the API gives them
        String code = GraphQL.ok("{ areas(first: 1) { nodes { code } } }").getString("data.areas.nodes[0].code");
        List<Map<String, Object>> indicators = GraphQL.ok("query($set: TargetSetId!, $code: String) { indicators(targetSet: $set, "
                + "areaCode: $code) { areas { nodes { indicators { value target } } } } }", Map.of("set",
                browser.findElement(By.id("target-set")).getAttribute("value"), "code", code))
                .getList("data.indicators.areas.nodes[0].indicators");
        long targeted = indicators.stream().filter(i -> i.get("value") != null && i.get("target") != null).count();
        assertTrue(targeted > 0);
        assertEquals(targeted, browser.findElements(By.cssSelector("#area-chart rect")).size());
        assertEquals(Math.min(5, GraphQL.ok("{ gapAreas(minutes: 15) { gaps { totalCount } } }").getInt("data.gapAreas.gaps.totalCount")),
                browser.findElements(By.cssSelector("#area-gaps li")).size());
    }

    /**
     * A planner's own named scenario: a site proposed on the map, dragged, resized; a suggested site added; saved and
     * compared — the figures change, the map swipes between today and the scenario, which draws the new sites; compared
     * with another scenario instead of today; renamed, opened again and deleted.
     */
    @Test
    void aScenarioIsMadeOnTheMapComparedAndDeleted() {
        GraphQL.ok("mutation($input: ScenarioInput!) { saveScenario(input: $input) { userErrors { field message code } } }",
                Map.of("input", Map.of("name", "planner-base", "proposed", List.of(Map.of("name", "base site", "location",
                        point(BASE_SITE[0], BASE_SITE[1]), "ownership", "PUBLIC", "kind", "COMMUNITY", "inclusive", true,
                        "classGroups", List.of(classGroup("TODDLER", 20, 0)))))));
        open("");
        String before = text("coverage-summary");
        browser.findElement(By.id("user")).sendKeys("planner");
        browser.findElement(By.id("password")).sendKeys("planner");
        browser.findElement(By.id("scenario-name")).sendKeys("planner-west");
        // go to the largest gap and put a site in the middle of the map there
        andWaitForTheMap(() -> browser.findElement(By.cssSelector("#gap-list button")).click());
        browser.findElement(By.id("propose")).click();
        WebElement map = browser.findElement(By.id("map"));
        clickMap(map.getSize().getWidth() / 2.0, map.getSize().getHeight() / 2.0);
        browser.findElement(By.id("propose")).click();
        assertEquals(1, count("proposed"));
        double west = ((Number) js("return window.careCircle.proposed[0].lng")).doubleValue();
        new Actions(browser).dragAndDropBy(browser.findElement(By.cssSelector(".proposed-site")), 40, 0).perform();
        assertTrue(((Number) js("return window.careCircle.proposed[0].lng")).doubleValue() > west, "dragged east");
        browser.findElement(By.cssSelector(".proposed-site")).click();
        WebElement slots = browser.findElement(By.cssSelector(".site-slots"));
        slots.clear();
        slots.sendKeys("90", Keys.TAB);
        assertEquals(90L, js("return window.careCircle.proposed[0].slots"));

        browser.findElement(By.id("suggest")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> count("suggested") == 3);
        andWaitForTheMap(() -> js("window.careCircle.map.jumpTo({ center: window.careCircle.suggested[0].location.coordinates })"));
        clickFeature("suggested");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(By.cssSelector(".add-suggestion"))).click();
        assertEquals(2, count("proposed"));

        browser.findElement(By.id("compare")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> !driver.findElements(By.id("newly-15")).isEmpty());
        assertTrue(Double.parseDouble(text("newly-15")) > 0, "children newly covered within 15 minutes: " + text("newly-15"));
        assertTrue(browser.findElements(By.cssSelector("#comparison-table tr.changed")).size() > 0);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> !before.equals(text("coverage-summary")));
        assertNotEquals(before, text("coverage-summary"));
        // the swipe: today on the left (the main map), the scenario on the right drawing its two proposed sites
        assertTrue(browser.findElement(By.id("swipe")).isDisplayed());
        andWaitForTheMap(() -> js("window.careCircle.map.jumpTo({ zoom: 13.5 })"));
        assertTrue(text("scenario-list").contains("planner-west (+2)"), text("scenario-list"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> Boolean.TRUE.equals(js("const after = "
                + "window.careCircle.after; return after && after.map.loaded() && after.map.queryRenderedFeatures({ layers: "
                + "['institutions'] }).filter(f => f.properties.proposed).length === 2 && window.careCircle.map.loaded() && "
                + "window.careCircle.map.queryRenderedFeatures({ layers: ['institutions'] }).every(f => !f.properties.proposed)")));
        assertTrue(browser.getCurrentUrl().contains("scenario=planner-west"), browser.getCurrentUrl());
        assertEquals(List.of("现状", "planner-west"), sides("#swipe-labels"));

        // compared with the other scenario instead of today: its figures, its name on the left, its site drawn there
        new Select(browser.findElement(By.id("against"))).selectByValue("planner-base");
        browser.findElement(By.id("compare")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> sides("#comparison-table").get(0).equals("planner-base"));
        assertEquals(List.of("planner-base", "planner-west"), sides("#comparison-table"));
        double newly = GraphQL.ok("{ compareScenario(scenario: \"planner-west\", against: \"planner-base\") { limits { "
                + "childrenNewlyCovered } } }").getDouble("data.compareScenario.limits[1].childrenNewlyCovered");
        assertEquals(String.format(Locale.ROOT, "%.1f", newly), text("newly-15"));
        andWaitForTheMap(() -> js("window.careCircle.map.jumpTo({ center: arguments[0], zoom: 15 })", List.of(BASE_SITE[0], BASE_SITE[1])));
        @SuppressWarnings("unchecked")
        List<List<Number>> left = new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> (List<List<Number>>) js(
                "const map = window.careCircle.map, sites = map.queryRenderedFeatures({ layers: ['institutions'] })"
                + ".filter(f => f.properties.proposed).map(f => f.geometry.coordinates);"
                + " return map.loaded() && window.careCircle.after && sites.length ? sites : null;"));
        assertEquals(1, left.size(), "the other scenario's one site on the left: " + left);
        assertEquals(BASE_SITE[0], left.get(0).get(0).doubleValue(), 1e-5);
        assertEquals(BASE_SITE[1], left.get(0).get(1).doubleValue(), 1e-5);
        assertEquals(List.of("planner-base", "planner-west"), sides("#swipe-labels"));

        // renamed, then opened again from the planner's list: its two sites come back as proposals to edit
        WebElement name = browser.findElement(By.id("scenario-name"));
        name.clear();
        name.sendKeys("planner-east");
        browser.findElement(By.id("rename-scenario")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> text("scenario-list").contains("planner-east (+2)"));
        assertFalse(text("scenario-list").contains("planner-west"));
        new Select(browser.findElement(By.id("scenario-list"))).selectByValue("");
        // (the address changes as the choice is made, the proposals once the scenarios are read again)
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> !browser.getCurrentUrl().contains("scenario=")
                && count("proposed") == 0);
        new Select(browser.findElement(By.id("scenario-list"))).selectByValue("planner-east");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> browser.getCurrentUrl().contains("scenario=planner-east")
                && count("proposed") == 2);
        assertEquals(90L, js("return window.careCircle.proposed[0].slots"));

        browser.findElement(By.id("delete-scenario")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> !text("scenario-list").contains("planner-east"));
        assertFalse(browser.findElement(By.id("swipe")).isDisplayed());
        assertEquals(List.of("planner-base"), GraphQL.ok("{ scenarios { nodes { name } } }").getList("data.scenarios.nodes.name"));
    }

    /** Where the scenario compared with proposes its one site, in the study area. */
    private static final double[] BASE_SITE = {103.99, 30.77};

    /** The names of a comparison's two sides, as a part of the page shows them. */
    private List<String> sides(String where) {
        return List.of(browser.findElement(By.cssSelector(where + " .side-before")).getAttribute("textContent"),
                browser.findElement(By.cssSelector(where + " .side-after")).getAttribute("textContent"));
    }
}
