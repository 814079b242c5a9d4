package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.examledger.api.security.AccountRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web console in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs), over the demo season loaded once for the class: every role signs
 * in through the form, opens its pages, follows a flag to its events, has an inclusion proof
 * recomputed by the page's WebCrypto code, switches the language, and sees only what its role may.
 * Screenshots go to {@code target/screenshots/} (test artifacts).
 *
 * <p>Without Chromium the test fails in CI ({@code CI=true}) and is skipped, saying why, elsewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class ConsoleBrowserIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Enough complete sheets (100 or more) for the bunching estimate to be drawn. */
  static final int CANDIDATES = 192;

  static final String SESSION = "S-2026-HT3-CNC-5";
  static final String PROCTOR_ACCOUNT = "console-proctor";

  private Path dataDir;
  private LedgerNode node;
  private WebDriver browser;
  private WebDriverWait wait;
  private String proctorActor;

  @BeforeAll
  void start() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String missing =
        "headless Chromium is needed: "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (apt-get install -y chromium chromium-driver; .ci/run installs them)";
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(missing);
    }
    Assumptions.assumeTrue(present, missing);
    Files.createDirectories(SCREENSHOTS);
    dataDir = Files.createTempDirectory("console-it");
    node =
        LedgerNode.start(
            Map.of(
                "ledger.data-dir", dataDir.toString(),
                "ledger.demo.enabled", "true",
                "ledger.demo.candidates", Integer.toString(CANDIDATES)));
    // the tracking projections catch up with the loaded season
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                node.get("/api/v1/complaints").body().contains("CPL-DEMO-0002")
                    && node.get("/api/v1/statistics/2026").json().get("candidates").asLong()
                        == CANDIDATES);
    JdbcClient jdbc = JdbcClient.create(node.context().getBean(DataSource.class));
    proctorActor =
        jdbc.sql(
                "SELECT person_id FROM rm_examiner_assignment WHERE role = 'PROCTOR'"
                    + " ORDER BY person_id")
            .query(String.class)
            .list()
            .get(0);
    node.account(PROCTOR_ACCOUNT, proctorActor, AccountRole.PROCTOR);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--lang=zh-CN");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aChineseBrowserGetsChineseAndTheSwitchGivesEnglish() {
    browser.manage().deleteAllCookies();
    open("/login");
    assertThat(text("h1")).isEqualTo("登录");
    follow(browser.findElement(By.id("lang-en")));
    assertThat(text("h1")).isEqualTo("Sign in");
    signIn("auditor", "auditor-demo-pass");
    assertThat(text("h1")).isEqualTo("Dashboard");
    assertThat(text("#open-flags")).isEqualTo("Open flags by rule and severity");
    screenshot("dashboard-en");
    follow(browser.findElement(By.id("lang-zh")));
    assertThat(text("h1")).isEqualTo("总览");
    assertThat(text("#open-flags")).isEqualTo("未处理预警（按规则和严重程度）");
    // numbers and dates as Chinese writes them: 2026年10月17日 ...
    assertThat(text("ul.sessions")).contains("2026年");
    screenshot("dashboard-zh");
    follow(browser.findElement(By.id("lang-en")));
    assertThat(text("h1")).isEqualTo("Dashboard");
  }

  @Test
  void anAuditorOpensEveryPageAndHasNoWriteButtons() {
    signInAs("auditor", "auditor-demo-pass");
    assertThat(browser.findElements(By.cssSelector("#open-flags-table tbody tr"))).isNotEmpty();
    assertThat(text("#latest-checkpoint")).contains("Tree size");
    screenshot("auditor-dashboard");

    open("/console/sessions");
    assertThat(browser.findElements(By.cssSelector("#sessions tbody tr"))).hasSize(32);

    open("/console/sessions/" + SESSION);
    assertThat(browser.findElements(By.cssSelector("#timeline .badge.valid"))).isNotEmpty();
    int everything = browser.findElements(By.cssSelector("#timeline tbody tr")).size();
    screenshot("session-timeline");
    // as of the morning of the exam (station time): registrations and checks, no scores yet
    open("/console/sessions/" + SESSION + "?asOf=2026-10-17T09:00:00");
    List<WebElement> before = browser.findElements(By.cssSelector("#timeline tbody tr"));
    assertThat(before).isNotEmpty().hasSizeLessThan(everything);
    assertThat(before).noneMatch(r -> r.getText().contains("ScoreRecordedEvent"));
    assertThat(text("#timeline-count")).contains("of " + everything + " events");
    open("/console/sessions/" + SESSION + "?asOf=yesterday");
    assertThat(text("#problem")).contains("'yesterday' is not a date and time");
    open("/console/sessions/S-NO-SUCH");
    assertThat(text("#problem")).isEqualTo("There is no session 'S-NO-SUCH'.");

    open("/console/sessions/" + SESSION + "/candidates/C-2026-0181");
    assertThat(text("#sheet-summary")).contains("CNC lathe operator");
    assertThat(browser.findElements(By.cssSelector("table.changes tbody tr"))).isNotEmpty();
    screenshot("result-sheet");

    open("/console/examiners");
    assertThat(browser.findElements(By.cssSelector("#examiners tbody tr"))).isNotEmpty();
    open("/console/examiners/examiner-11");
    assertThat(text("#person-complaints")).contains("CPL-DEMO-0001");

    open("/console/complaints");
    assertThat(text("#complaints")).contains("CPL-DEMO-0002");
    open("/console/complaints/CPL-DEMO-0002");
    assertThat(text("#complaint-status")).isEqualTo("RECEIVED");
    assertThat(browser.findElements(By.id("next-steps"))).as("an auditor takes no step").isEmpty();
    screenshot("complaint-auditor");

    open("/console/flags");
    assertThat(browser.findElements(By.cssSelector("tr.flag"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("details.review")))
        .as("an auditor reviews no flag")
        .isEmpty();

    open("/console/ledger");
    assertThat(browser.findElements(By.cssSelector("#checkpoints tbody tr"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#checkpoints .badge.invalid"))).isEmpty();
    follow(browser.findElement(By.id("verify")));
    assertThat(text("#verification")).contains("passed").contains("by auditor").contains("OK: ");
    screenshot("ledger");
    open("/console");
    assertThat(text("#verification")).contains("passed");

    open("/console/statistics?year=soon");
    assertThat(text("#problem")).isEqualTo("'year=soon' is not a value this page can use.");
    open("/console/statistics?year=2026");
    wait.until(d -> "true".equals(d.findElement(By.id("chart")).getDomAttribute("data-drawn")));
    assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
    assertThat(text("#bunching-verdict")).contains("z =");
    screenshot("statistics");
    WebElement chart = browser.findElement(By.id("distribution")).findElement(By.xpath(".."));
    save("score-distribution", chart.getScreenshotAs(OutputType.FILE));
  }

  @Test
  void aFlagLeadsToItsEventsAndAnInclusionProofIsVerifiedInThePage() {
    signInAs("auditor", "auditor-demo-pass");
    open("/console/flags?rule=unsigned-change");
    List<WebElement> flags = browser.findElements(By.cssSelector("tr.flag"));
    assertThat(flags).isNotEmpty();
    assertThat(flags).allSatisfy(f -> assertThat(f.getText()).contains("Unsigned change"));
    screenshot("flags-unsigned-change");
    WebElement link = flags.get(0).findElement(By.cssSelector("a.event-link"));
    String eventId = link.getDomAttribute("href").replaceAll(".*#event-", "");
    follow(link);
    WebElement row = wait.until(d -> d.findElement(By.id("event-" + eventId)));
    assertThat(browser.getCurrentUrl()).endsWith("#event-" + eventId);
    assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("unsigned");
    screenshot("flag-event");

    follow(row.findElement(By.cssSelector("a.proof-link")));
    assertThat(text("h1")).isEqualTo("Inclusion proof");
    assertThat(browser.findElement(By.id("server-check")).getDomAttribute("data-result"))
        .isEqualTo("verified");
    wait.until(
        d ->
            !"not-run"
                .equals(d.findElement(By.id("browser-check")).getDomAttribute("data-result")));
    WebElement check = browser.findElement(By.id("browser-check"));
    assertThat(check.getDomAttribute("data-result")).as(check.getText()).isEqualTo("verified");
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", check);
    screenshot("inclusion-proof");
  }

  @Test
  void aTamperedProofFailsInThePage() {
    signInAs("auditor", "auditor-demo-pass");
    open("/console/sessions/" + SESSION);
    follow(browser.findElements(By.cssSelector("a.proof-link")).get(3));
    assertThat(text("h1")).isEqualTo("Inclusion proof");
    // the page's check recomputes from what the page holds: change one path hash and rerun it
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "var box = document.getElementById('proof');"
                + " var p = box.dataset.path.split(' ');"
                + " p[0] = p[0].charAt(0) === 'A' ? 'B' + p[0].substring(1) : 'A' + p[0].substring(1);"
                + " box.dataset.path = p.join(' ');"
                + " var out = document.getElementById('browser-check'); out.dataset.result = 'not-run';"
                + " var s = document.createElement('script'); s.src = '/console/assets/proof.js';"
                + " document.body.appendChild(s);");
    wait.until(
        d ->
            !"not-run"
                .equals(d.findElement(By.id("browser-check")).getDomAttribute("data-result")));
    assertThat(browser.findElement(By.id("browser-check")).getDomAttribute("data-result"))
        .isEqualTo("failed");
  }

  @Test
  void aSupervisorSeesTheNextComplaintStepsAndTheFlagReviewCommand() {
    signInAs("supervisor", "supervisor-demo-pass");
    open("/console/complaints/CPL-DEMO-0002");
    assertThat(text("#next-steps")).contains("complaint.decide/v1").contains("CPL-DEMO-0002");
    screenshot("complaint-supervisor");
    open("/console/flags");
    assertThat(browser.findElements(By.cssSelector("details.review"))).isNotEmpty();
  }

  @Test
  void anExaminerSeesOnlyTheirSessionsAndNoComplaintActions() {
    signInAs("examiner", "examiner-demo-pass");
    assertThat(browser.findElements(By.id("nav-flags"))).isEmpty();
    assertThat(browser.findElements(By.id("nav-complaints"))).isEmpty();
    open("/console/sessions");
    Set<String> listed = new TreeSet<>();
    browser
        .findElements(By.cssSelector("#sessions tbody tr td:first-child"))
        .forEach(td -> listed.add(td.getText()));
    assertThat(listed).isNotEmpty().isEqualTo(assigned("examiner-11"));
    screenshot("examiner-sessions");
    open("/console/sessions/" + listed.iterator().next());
    assertThat(browser.findElements(By.id("timeline"))).isNotEmpty();

    open("/console/examiners/examiner-11");
    assertThat(text("#person-complaints")).contains("CPL-DEMO-0001");
    wait.until(d -> "true".equals(d.findElement(By.id("chart")).getDomAttribute("data-drawn")));
    assertThat(browser.findElements(By.cssSelector("#distribution-table tbody tr"))).isNotEmpty();
    screenshot("examiner-own-page");
    assertThat(browser.findElements(By.cssSelector("#person-complaints a")))
        .as("no link to the supervisors' case page")
        .isEmpty();
    open("/console/ledger");
    assertThat(browser.findElements(By.id("verify")))
        .as("only readers run the verification")
        .isEmpty();
    for (String refused :
        List.of(
            "/console/complaints/CPL-DEMO-0002",
            "/console/flags",
            "/console/examiners/examiner-07",
            "/console/sessions/" + unassignedSession("examiner-11"))) {
      open(refused);
      assertThat(browser.findElements(By.id("denied"))).as(refused).isNotEmpty();
    }
  }

  @Test
  void aProctorSeesOnlyTheirSessions() {
    signInAs(PROCTOR_ACCOUNT, LedgerNode.password(PROCTOR_ACCOUNT));
    open("/console/sessions");
    Set<String> listed = new TreeSet<>();
    browser
        .findElements(By.cssSelector("#sessions tbody tr td:first-child"))
        .forEach(td -> listed.add(td.getText()));
    assertThat(listed).isNotEmpty().isEqualTo(assigned(proctorActor));
    open("/console/sessions/" + unassignedSession(proctorActor));
    assertThat(browser.findElements(By.id("denied"))).isNotEmpty();
    open("/console/statistics");
    assertThat(browser.findElements(By.id("denied"))).isNotEmpty();
  }

  @Test
  void aStationAdministratorReadsFlagsButNotComplaints() {
    signInAs("admin", "admin-demo-pass");
    assertThat(browser.findElements(By.id("nav-flags"))).isNotEmpty();
    assertThat(browser.findElements(By.id("nav-complaints"))).isEmpty();
    open("/console/flags");
    assertThat(browser.findElements(By.cssSelector("tr.flag"))).isNotEmpty();
    open("/console/complaints");
    assertThat(browser.findElements(By.id("denied"))).isNotEmpty();
  }

  @Test
  void theConsolesSessionCookieOpensNoApiAndItsFormsNeedTheCsrfToken() throws Exception {
    signInAs("auditor", "auditor-demo-pass");
    String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> page =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.baseUrl() + "/console"))
                .header("Cookie", cookie)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as("the cookie signs in to the console").isEqualTo(200);
    java.net.http.HttpResponse<String> api =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(node.baseUrl() + "/api/v1/flags"))
                .header("Cookie", cookie)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).as("the stateless API ignores it").isEqualTo(401);
    java.net.http.HttpResponse<String> forged =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(node.baseUrl() + "/console/ledger/verify"))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(""))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).as("a form post without the CSRF token").isEqualTo(403);
  }

  @Test
  void anAuditorDownloadsTheSessionsEvidenceBundleAndTheCliVerifiesIt() throws Exception {
    signInAs("auditor", "auditor-demo-pass");
    open("/console/sessions/" + SESSION);
    follow(browser.findElement(By.id("session-bundle")));
    assertThat(browser.findElement(By.id("bundle-session")).getDomProperty("value"))
        .as("the session page's link fills in the session")
        .isEqualTo(SESSION);
    screenshot("ledger-bundle-form");
    java.net.http.HttpResponse<byte[]> download =
        postForm(
            "/console/ledger/bundle",
            "session="
                + java.net.URLEncoder.encode(SESSION, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/zip");
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment")
        .contains(SESSION);
    Path bundle = dataDir.resolve("console-bundle.zip");
    Files.write(bundle, download.body());
    String logVkey = node.get("/api/v1/log/key").body().strip();

    CliBundleIT.Run verified =
        CliBundleIT.cli("verify-bundle", bundle.toString(), "--log-vkey", logVkey);
    assertThat(verified.code()).as(verified.out() + verified.err()).isZero();
    assertThat(verified.out())
        .contains("result:      VERIFIED")
        .contains("(given with --log-vkey)")
        .contains(SESSION);

    // ./ledger export of the same selection holds the same events and key descriptions
    Path exported = dataDir.resolve("cli-bundle.zip");
    Path password = Files.writeString(dataDir.resolve("auditor.password"), "auditor-demo-pass");
    CliBundleIT.Run export =
        CliBundleIT.cli(
            "export",
            "--user",
            "auditor",
            "--password-file",
            password.toString(),
            "--server",
            node.baseUrl(),
            "--session",
            SESSION,
            "--quiet",
            "--out",
            exported.toString());
    assertThat(export.code()).as(export.err()).isZero();
    Map<String, String> fromConsole = eventAndKeyEntries(download.body());
    assertThat(fromConsole)
        .isNotEmpty()
        .isEqualTo(eventAndKeyEntries(Files.readAllBytes(exported)));

    // one byte of one event's leaf input flipped, the zip otherwise intact: the CLI refuses it
    Path tampered = dataDir.resolve("console-bundle-tampered.zip");
    Files.write(tampered, flipOneEventByte(download.body()));
    CliBundleIT.Run refused =
        CliBundleIT.cli("verify-bundle", tampered.toString(), "--log-vkey", logVkey);
    assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(1);
    assertThat(refused.out()).doesNotContain("result:      VERIFIED");

    java.net.http.HttpResponse<byte[]> nothing = postForm("/console/ledger/bundle", "session=");
    assertThat(nothing.statusCode()).as("an empty selection").isEqualTo(400);
    java.net.http.HttpResponse<byte[]> unknown =
        postForm("/console/ledger/bundle", "session=S-NO-SUCH-SESSION");
    assertThat(unknown.statusCode()).as("a session with no events").isEqualTo(404);
    assertThat(new String(unknown.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("S-NO-SUCH-SESSION");
  }

  @Test
  void anExaminerGetsNoEvidenceBundle() throws Exception {
    signInAs("examiner", "examiner-demo-pass");
    open("/console/ledger");
    assertThat(browser.findElements(By.id("bundle"))).as("no bundle form").isEmpty();
    String own = assigned("examiner-11").iterator().next();
    open("/console/sessions/" + own);
    assertThat(browser.findElements(By.id("session-bundle"))).as("no bundle link").isEmpty();
    java.net.http.HttpResponse<byte[]> refused =
        postForm("/console/ledger/bundle", "session=" + own);
    assertThat(refused.statusCode()).as("even with the CSRF token").isEqualTo(403);
  }

  /** A form post with the browser's session cookie and the page's CSRF token, as the form does. */
  private java.net.http.HttpResponse<byte[]> postForm(String path, String form) throws Exception {
    String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
    String csrf = browser.findElement(By.cssSelector("input[name=_csrf]")).getDomProperty("value");
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.baseUrl() + path))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        form
                            + "&_csrf="
                            + java.net.URLEncoder.encode(
                                csrf, java.nio.charset.StandardCharsets.UTF_8)))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The manifest's events/ and keys/ entries of a bundle: path to SHA-256. */
  private static Map<String, String> eventAndKeyEntries(byte[] zip) throws IOException {
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      java.util.zip.ZipEntry first = in.getNextEntry();
      assertThat(first.getName()).isEqualTo("manifest.json");
      com.fasterxml.jackson.databind.JsonNode manifest =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(in.readAllBytes());
      Map<String, String> entries = new java.util.TreeMap<>();
      for (com.fasterxml.jackson.databind.JsonNode e : manifest.path("entries")) {
        String path = e.path("path").asText();
        if (path.startsWith("events/") || path.startsWith("keys/")) {
          entries.put(path, e.path("sha256").asText());
        }
      }
      return entries;
    }
  }

  /** The bundle re-zipped with one byte of its first event's leaf input changed. */
  private static byte[] flipOneEventByte(byte[] zip) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    boolean flipped = false;
    try (java.util.zip.ZipInputStream in =
            new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
        java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
      for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        if (!flipped && e.getName().startsWith("events/")) {
          String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
          int at = text.indexOf("\"sequenceNumber\":") + "\"sequenceNumber\":".length() + 1;
          content[at] = (byte) (content[at] == '9' ? '8' : content[at] + 1);
          flipped = true;
        }
        z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        z.write(content);
        z.closeEntry();
      }
    }
    assertThat(flipped).as("the bundle holds an event").isTrue();
    return out.toByteArray();
  }

  @Test
  void aSupervisorAcknowledgesAFlagSigningInTheBrowser() throws Exception {
    // the demo supervisor's key (DemoSeason: Ed25519 seed SHA-256("examledger demo key "+actor)),
    // as the PKCS#8 PEM file a supervisor keeps
    byte[] seed =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(
                "examledger demo key supervisor-01"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] pkcs8 =
        java.util.HexFormat.of()
            .parseHex(
                "302e020100300506032b657004220420" + java.util.HexFormat.of().formatHex(seed));
    Path keyFile =
        Files.writeString(
            dataDir.resolve("supervisor-01.pem"),
            "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getEncoder().encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n");
    signInAs("supervisor", "supervisor-demo-pass");
    open("/console/flags");
    assertThat(browser.findElement(By.id("session")).getDomProperty("value"))
        .as("no session filter")
        .isEmpty();
    WebElement row =
        browser.findElements(By.cssSelector("tr.flag")).stream()
            .filter(r -> r.getText().contains("not reviewed"))
            .findFirst()
            .orElseThrow();
    String flagId = row.getDomAttribute("data-flag-id");
    row.findElement(By.cssSelector("details.review summary")).click();
    WebElement form = row.findElement(By.cssSelector("form.browser-sign"));
    wait.until(ExpectedConditions.visibilityOf(form));
    form.findElement(By.cssSelector(".key-file")).sendKeys(keyFile.toString());
    form.findElement(By.cssSelector(".comment")).sendKeys("seen in the console");
    form.findElement(By.cssSelector(".sign-submit")).click();
    WebElement result = form.findElement(By.cssSelector(".sign-result"));
    wait.until(d -> result.getDomAttribute("data-result") != null);
    screenshot("flag-signed-in-browser");
    assertThat(result.getDomAttribute("data-result")).as(result.getText()).isEqualTo("submitted");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              open("/console/flags");
              return browser
                  .findElement(By.cssSelector("tr.flag[data-flag-id='" + flagId + "']"))
                  .getText()
                  .contains("acknowledged by supervisor");
            });

    // a malformed envelope is refused with the admission's problem, and changes nothing
    java.net.http.HttpResponse<byte[]> forged =
        postJson("/console/flags/review", "{\"payload\":\"e30=\"}");
    assertThat(forged.statusCode()).as("a malformed envelope").isEqualTo(400);
  }

  /** A JSON post with the browser's session cookie and the page's CSRF token in the header. */
  private java.net.http.HttpResponse<byte[]> postJson(String path, String json) throws Exception {
    String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
    String csrf = browser.findElement(By.cssSelector("input[name=_csrf]")).getDomProperty("value");
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.baseUrl() + path))
                .header("Cookie", cookie)
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aWrongPasswordIsRefusedAndNothingIsShownWithoutSigningIn() {
    browser.manage().deleteAllCookies();
    open("/login?lang=en");
    open("/console/flags");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    browser.findElement(By.id("username")).sendKeys("auditor");
    browser.findElement(By.id("password")).sendKeys("not the password");
    follow(browser.findElement(By.id("sign-in")));
    assertThat(text(".error")).isEqualTo("Wrong username or password, or the account is disabled.");
  }

  private Set<String> assigned(String actor) {
    return new TreeSet<>(
        JdbcClient.create(node.context().getBean(DataSource.class))
            .sql("SELECT DISTINCT session_id FROM rm_examiner_assignment WHERE person_id = ?")
            .param(actor)
            .query(String.class)
            .list());
  }

  private String unassignedSession(String actor) {
    Set<String> mine = assigned(actor);
    return JdbcClient.create(node.context().getBean(DataSource.class))
        .sql("SELECT DISTINCT session_id FROM rm_examiner_assignment ORDER BY session_id")
        .query(String.class)
        .list()
        .stream()
        .filter(s -> !mine.contains(s))
        .findFirst()
        .orElseThrow();
  }

  private void signInAs(String username, String password) {
    browser.manage().deleteAllCookies();
    open("/login?lang=en");
    signIn(username, password);
    assertThat(text("h1")).isEqualTo("Dashboard");
  }

  private void signIn(String username, String password) {
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    follow(browser.findElement(By.id("sign-in")));
  }

  /** Clicks a link or button and waits until the next page has replaced this one. */
  private void follow(WebElement element) {
    WebElement page = browser.findElement(By.tagName("html"));
    element.click();
    wait.until(d -> replaced(page));
  }

  /**
   * Whether the page an element belongs to has been replaced. Chromedriver answers a question about
   * an element of the old document either with a stale-element error or, when it asks while the new
   * document is being attached, with an "unknown error" saying the node does not belong to the
   * document (ExpectedConditions.stalenessOf knows only the first); both mean replaced.
   */
  private static boolean replaced(WebElement page) {
    try {
      page.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  private void open(String path) {
    browser.get(node.baseUrl() + path);
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText().trim();
  }

  private void screenshot(String name) {
    save(name, ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE));
  }

  private static void save(String name, File png) {
    try {
      Files.copy(
          png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
