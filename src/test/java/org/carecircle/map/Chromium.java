package org.carecircle.map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The map tests' browser: Debian's headless Chromium through its chromedriver, WebGL by SwiftShader (no GPU in CI). */
public final class Chromium {
    private Chromium() {
    }

    public static WebDriver start() {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--enable-unsafe-swiftshader", "--window-size=1400,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(options);
    }

    /** Opens the page and waits until it says it is ready (all layers drawn, the panel filled), or failed. */
    public static void open(WebDriver browser, String address) {
        browser.get(address);
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver ->
                !"false".equals(driver.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertEquals("true", browser.findElement(By.tagName("body")).getAttribute("data-ready"),
                () -> "the page reported: " + ((JavascriptExecutor) browser).executeScript("return window.careCircle.errors"));
    }

    /** Fails on console errors but those provoked on purpose (named by a part of their text), then closes the browser. */
    public static void close(WebDriver browser, List<String> provoked) {
        try {
            List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                    .filter(message -> provoked.stream().noneMatch(message::contains)).toList();
            assertEquals(List.of(), severe, "console errors");
        } finally {
            browser.quit();
        }
    }
}
