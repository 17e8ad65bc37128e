package org.carecircle.map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
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
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map page in a real headless Chromium (Debian's chromium and chromium-driver) on the Xipu
 * demo: it loads without console errors, its layers hold what the API holds, and a site proposed
 * on the map changes the coverage figure. Leaves a screenshot at target/map-xipu.png.
 */
@QuarkusTest
class MapPageTest {
    @TestHTTPResource("/")
    URL page;
    @Inject
    TestDatabase database;

    private WebDriver browser;

    @BeforeEach
    void prepare() {
        database.clear();
        GraphQL.ok("mutation { estimateFromOsm { report { populationCells } userErrors { field message code } } }");
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(options);
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private String awaitReady() {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver ->
                !"false".equals(driver.findElement(By.tagName("body")).getAttribute("data-ready")));
        return browser.findElement(By.tagName("body")).getAttribute("data-ready");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> counts() {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("return window.careCircle.counts");
    }

    @Test
    void theDemoMapShowsWhatTheApiHolds() throws IOException {
        browser.get(page.toString());
        assertEquals("true", awaitReady(), () -> "the page reported: "
                + ((JavascriptExecutor) browser).executeScript("return window.careCircle.errors"));
        Map<String, Object> counts = counts();
        assertEquals(5L, counts.get("institutions"));
        assertEquals(database.count("population_cell"), counts.get("population"));
        assertEquals(database.count("population_cell"), counts.get("coverage"));
        // cells with children wanting a place and none within 15 minutes, as the API counts them
        List<Map<String, List<Map<String, Number>>>> cells = GraphQL.allNodes("query($after: String) { coverageCells("
                + "boundingBox: {west: 103.9, south: 30.7, east: 104.1, north: 30.8}, first: 500, after: $after) { nodes { "
                + "limits { childrenWantingPlaceUncovered } } pageInfo { endCursor hasNextPage } } }", null, "coverageCells");
        long left = cells.stream().filter(cell -> cell.get("limits").get(1).get("childrenWantingPlaceUncovered")
                .doubleValue() > 0).count();
        assertTrue(left > 0);
        assertEquals(left, counts.get("capacity"));
        assertEquals(2L, counts.get("circles"));
        int gaps = GraphQL.ok("{ gapAreas(minutes: 15, first: 10) { gaps { nodes { rank } } } }")
                .getList("data.gapAreas.gaps.nodes").size();
        assertEquals((long) gaps, counts.get("gaps"));
        assertEquals(gaps, browser.findElements(By.cssSelector("#gap-list li")).size());
        assertTrue((Long) counts.get("streets") > 500, "streets " + counts.get("streets"));
        assertEquals(12, browser.findElements(By.cssSelector("#indicator-table tbody tr")).size());
        // the first row is the whole dataset; the study area is listed to pick
        assertTrue(browser.findElement(By.id("area")).getText().contains("Study area chengdu-xipu"));
        assertTrue(browser.findElement(By.id("target-set")).getText().contains("重庆市行动方案（2025年目标）"));
        Files.createDirectories(Path.of("target"));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target/map-xipu.png"),
                StandardCopyOption.REPLACE_EXISTING);

        // English at a click
        browser.findElement(By.id("language")).click();
        assertEquals("Layers", browser.findElement(By.cssSelector("[data-text=layers]")).getText());

        List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertTrue(severe.isEmpty(), severe.toString());
    }

    /**
     * The page's own words (labels, indicator names and gaps, summary, gap list, target sets, an institution's
     * popup) hold no Latin letter in Chinese and no Chinese character in English; names from the data (areas,
     * institutions) and the product's name are not words of the page.
     */
    @Test
    void chineseModeShowsNoEnglishAndEnglishModeNoChinese() {
        browser.get(page.toString());
        assertEquals("true", awaitReady());
        List<String> chinese = pageWords();
        assertTrue(chinese.size() > 40, chinese.toString());
        List<String> english = chinese.stream().filter(text -> LATIN.matcher(text.replace("CareCircle", "")).find()).toList();
        assertEquals(List.of(), english, "English in Chinese mode");

        browser.findElement(By.id("language")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
                !CHINESE.matcher(driver.findElement(By.id("indicator-table")).getText()).find()
                        && !driver.findElements(By.cssSelector("#target-set option")).isEmpty());
        List<String> words = pageWords();
        assertEquals(List.of(), words.stream().filter(text -> CHINESE.matcher(text).find()).toList(), "Chinese in English mode");
    }

    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private List<String> pageWords() {
        List<String> words = new ArrayList<>();
        for (WebElement element : browser.findElements(By.cssSelector("#panel [data-text], #indicator-table tbody td, "
                + "#coverage-summary, #gap-list li, #target-set option"))) {
            words.add(element.getAttribute("textContent"));
        }
        words.add(browser.findElement(By.id("user")).getAttribute("placeholder"));
        words.add(browser.findElement(By.id("password")).getAttribute("placeholder"));
        // an institution's popup, without its name (the first line: data)
        browser.findElement(By.cssSelector(".institution")).click();
        WebElement popup = new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                driver.findElement(By.cssSelector(".leaflet-popup-content")));
        String name = popup.findElement(By.tagName("b")).getText();
        words.add(popup.getText().replace(name, ""));
        browser.findElement(By.cssSelector(".leaflet-popup-close-button")).click();
        return words;
    }

    /** On a phone the map keeps the screen's width and the panel follows below; the OSM credit and a scale show. */
    @Test
    void onAPhoneTheMapKeepsTheWidth() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(page.toString());
        assertEquals("true", awaitReady());
        WebElement map = browser.findElement(By.id("map")), panel = browser.findElement(By.id("panel"));
        long width = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth");
        assertEquals(width, map.getSize().getWidth(), 1, "the map spans the screen");
        assertTrue(map.getSize().getHeight() > 400, "map height " + map.getSize().getHeight());
        assertTrue(panel.getLocation().getY() >= map.getLocation().getY() + map.getSize().getHeight() - 1, "the panel is below");
        assertEquals(width, panel.getSize().getWidth(), 1);
        String credit = browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText();
        assertTrue(credit.contains("© OpenStreetMap 贡献者"), credit);
        assertTrue(browser.findElement(By.cssSelector(".leaflet-control-scale")).getText().matches("(?s).*\\d+ k?m.*"));
        browser.findElement(By.id("language")).click();
        assertTrue(browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText()
                .contains("© OpenStreetMap contributors"));
    }

    /** A legend says what each colour means; a layer that fails says so beside it, and the others stay. */
    @Test
    void aLegendExplainsAndALayerFailsAlone() {
        browser.get(page.toString());
        assertEquals("true", awaitReady());
        assertEquals(9, browser.findElements(By.cssSelector("#legend li")).size());
        assertTrue(browser.findElement(By.id("legend")).getText().contains("估算值"));
        assertEquals("5", browser.findElement(By.cssSelector("[data-status=institutions]")).getText());
        ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1], original = window.fetch;
                window.fetch = (url, options) => String(url).startsWith('/map/streets')
                    ? Promise.resolve(new Response('not a map', { status: 500 })) : original(url, options);
                window.careCircle.reload('streets').then(done);""");
        WebElement streets = browser.findElement(By.cssSelector("[data-status=streets]"));
        assertTrue(streets.getText().startsWith("加载失败") && streets.getAttribute("class").contains("failed"),
                streets.getText());
        assertEquals("5", browser.findElement(By.cssSelector("[data-status=institutions]")).getText());
        assertEquals(5L, counts().get("institutions"));
    }

    /** A wrong password is said beside the login form (no browser dialog), a right one shows who is logged in. */
    @Test
    void theLoginSaysItsStateBesideTheForm() {
        browser.get(page.toString());
        assertEquals("true", awaitReady());
        browser.findElement(By.id("user")).sendKeys("planner");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("propose")).click();
        browser.findElement(By.id("map")).click();
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
        assertTrue(!state.getAttribute("class").contains("failed"));
    }

    /** Speed, profile, take-up and capacity come from the address and drive every figure; changing one rewrites the address. */
    @Test
    void theSettingsLiveInTheAddressAndDriveTheFigures() {
        browser.get(page + "?speed=3&profile=STROLLER&takeUp=0.5&capacity=FREE_PLACES");
        assertEquals("true", awaitReady());
        assertEquals("3", browser.findElement(By.id("speed")).getAttribute("value"));
        assertEquals("STROLLER", browser.findElement(By.id("profile")).getAttribute("value"));
        JsonPath api = GraphQL.ok("{ coverage(parameters: {speedKmh: 3, profile: STROLLER, takeUpRate: 0.5, capacity: FREE_PLACES}) "
                + "{ overall { childrenWantingPlace limits { childrenWantingPlaceCovered } } } }");
        String expected = String.format(Locale.ROOT, "%.0f / %.0f", api.getDouble("data.coverage.overall.limits[1].childrenWantingPlaceCovered"),
                api.getDouble("data.coverage.overall.childrenWantingPlace"));
        String summary = browser.findElement(By.id("coverage-summary")).getText();
        assertTrue(summary.contains(expected), summary + " should hold " + expected);
        WebElement speed = browser.findElement(By.id("speed"));
        speed.clear();
        speed.sendKeys("6");
        speed.sendKeys(Keys.TAB);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().contains("speed=6"));
        assertTrue(browser.getCurrentUrl().contains("profile=STROLLER"), browser.getCurrentUrl());
    }

    /** Printed, the view becomes a report: the map across the page, legend, figures and indicators, no controls. */
    @Test
    void theViewPrintsAsAReport() throws IOException {
        browser.get(page.toString());
        assertEquals("true", awaitReady());
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertFalse(browser.findElement(By.id("propose")).isDisplayed());
        assertFalse(browser.findElement(By.id("speed")).isDisplayed());
        for (String shown : List.of("legend", "coverage-summary", "gap-list", "indicator-table")) {
            assertTrue(browser.findElement(By.id(shown)).isDisplayed(), shown);
        }
        long width = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth");
        assertEquals(width, browser.findElement(By.id("map")).getSize().getWidth(), 1);
        byte[] pdf = java.util.Base64.getDecoder().decode(((PrintsPage) browser).print(new PrintOptions()).getContent());
        Files.write(Path.of("target/map-report.pdf"), pdf);
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(pdf.length > 20_000, "report of " + pdf.length + " bytes");
    }

    @Test
    void aSiteProposedOnTheMapChangesTheCoverage() {
        browser.get(page.toString());
        assertEquals("true", awaitReady());
        String before = browser.findElement(By.id("coverage-summary")).getText();
        // go to the largest gap and put a site in the middle of the map there
        browser.findElement(By.cssSelector("#gap-list li")).click();
        browser.findElement(By.id("user")).sendKeys("planner");
        browser.findElement(By.id("password")).sendKeys("planner");
        browser.findElement(By.id("propose")).click();
        browser.findElement(By.id("map")).click();
        assertEquals(1L, counts().get("proposed"));
        browser.findElement(By.id("compare")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> !driver.findElements(By.id("newly-15")).isEmpty());
        double newly = Double.parseDouble(browser.findElement(By.id("newly-15")).getText());
        assertTrue(newly > 0, "children newly covered within 15 minutes: " + newly);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                !before.equals(driver.findElement(By.id("coverage-summary")).getText()));
        assertNotEquals(before, browser.findElement(By.id("coverage-summary")).getText());
    }
}
