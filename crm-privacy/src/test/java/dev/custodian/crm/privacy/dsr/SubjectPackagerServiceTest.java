package dev.custodian.crm.privacy.dsr;

import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.InvalidTokenException;
import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.consent.ConsentEventKind;
import dev.custodian.crm.core.consent.ConsentFixtures;
import dev.custodian.crm.core.consent.LegalBasis;
import dev.custodian.crm.core.consent.SubjectRef;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.PersonName;
import dev.custodian.crm.core.dsr.port.out.SubjectPackager.PackageReceipt;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.throttle.service.Throttle;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.privacy.dsr.port.in.DownloadPackageUseCase;
import dev.custodian.crm.privacy.dsr.service.PackageDownloadService;
import dev.custodian.crm.privacy.dsr.service.SubjectDataParticipants;
import dev.custodian.crm.privacy.dsr.service.SubjectPackagerService;
import dev.custodian.crm.privacy.throttle.KeyedThrottleHasher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubjectPackagerServiceTest {

  private static final int CHUNK = 1024;

  private final InMemoryPersistence p = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
  private final WorkspaceTransactions audited = TestGates.workspaceTransactions(p, clock);
  private final SubjectPackagerService packager = new SubjectPackagerService(p.contacts(), p.purposes(),
      SubjectDataParticipants.standard(p.companies(), p.deals(), p.timelines(), p.activities(), p.tasks(),
          p.customValues(), p.consentLedger()),
      p.packageStore(), IdGenerator.random(), TokenGenerator.secureRandom(), clock, Duration.ofDays(7), CHUNK);
  private final Throttle throttle = new Throttle(p.transactions(), p.throttleEntries(),
      new KeyedThrottleHasher(() -> new byte[32]), clock, 3, Duration.ofMinutes(15));
  private final PackageDownloadService downloads =
      new PackageDownloadService(p.transactions(), audited, p.packageStore(), clock, throttle);
  private WorkspaceId a;

  @BeforeEach
  void aWorkspaceWithTwoPeople() {
    Workspace wa = aWorkspace();
    p.transactions().inPlatform(() -> {
      p.workspaces().insert(wa);
      return null;
    });
    a = wa.id();
    person("Marker-Ada-1", "ada@example.org", 3);
    person("Marker-Bob-2", "bob@example.org", 2);
  }

  private void person(String marker, String email, int events) {
    p.transactions().inWorkspace(a, () -> {
      Contact c = Contact.create(a, ContactId.of(UUID.randomUUID()), new PersonName(marker), new PersonName("<b>L</b>"),
          new EmailAddress(email), Optional.empty(), Optional.empty(), Optional.empty(), clock.instant());
      p.contacts().insert(c);
      if (p.purposes().find(a, new dev.custodian.crm.core.consent.PurposeKey("news")).isEmpty()) {
        p.purposes().insert(ConsentFixtures.aPurpose(a, "news", LegalBasis.CONSENT));
      }
      SubjectRef subject = p.consentLedger().lockSubject(a, c.id(), new SubjectRef(UUID.randomUUID()));
      for (int i = 0; i < events; i++) {
        p.consentLedger().append(ConsentFixtures.anEvent(a, subject, ConsentFixtures.anAddress(), "news",
            ConsentEventKind.GRANTED, clock.instant()));
      }
      return null;
    });
  }

  private PackageReceipt build(String email, boolean portable) {
    return p.transactions().inWorkspace(a, () -> packager.build(a, UUID.randomUUID(), new EmailAddress(email), portable));
  }

  private String token(PackageReceipt receipt) {
    return p.transactions().inWorkspace(a, () -> packager.issueDownloadToken(a, receipt.packageId())).orElseThrow();
  }

  private static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private byte[] download(String token) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    downloads.claim(token, "192.0.2.1").writeTo(out);
    return out.toByteArray();
  }

  @Test
  @DisplayName("DSR-01: an ACCESS package holds the subject's records in subject.json and index.html, none of another's; processing.json gives bases, periods, recipients")
  void accessPackageHoldsTheSubjectOnly() throws IOException {
    PackageReceipt receipt = build("ADA@example.org", false);
    Map<String, String> files = unzip(download(token(receipt)));

    assertThat(files).containsOnlyKeys("subject.json", "processing.json", "index.html");
    assertThat(files.get("subject.json")).contains("Marker-Ada-1", "ada@example.org").doesNotContain("Marker-Bob-2");
    assertThat(files.get("index.html")).contains("Marker-Ada-1", "&lt;b&gt;L&lt;/b&gt;", "right to lodge a complaint")
        .doesNotContain("Marker-Bob-2", "<script", "<b>L</b>");
    assertThat(files.get("processing.json")).contains("\"basis\":\"CONSENT\"", "\"retention\":", "\"recipients\":",
        "\"category\":\"CRM_DATA\"");
    assertThat(receipt.recordsBySection()).containsEntry("contacts", 1).containsEntry("consent", 3);
  }

  @Test
  @DisplayName("DSR-01: a PORTABILITY package holds data.json and a CSV per section, formulas defused")
  void portabilityPackageHoldsJsonAndCsv() throws IOException {
    person("=HYPERLINK(1)", "eve@example.org", 0);
    Map<String, String> files = unzip(download(token(build("eve@example.org", true))));

    assertThat(files).containsKeys("data.json", "contacts.csv", "consent.csv", "dealContacts.csv");
    assertThat(files.get("contacts.csv")).contains("'=HYPERLINK(1)").doesNotContain(",=HYPERLINK");
  }

  @Test
  void givenManyRecords_whenBuilt_thenThePackageIsStoredInChunksOfAtMostTheChunkSize() throws IOException {
    person("Marker-Many", "many@example.org", 2000);
    PackageReceipt receipt = build("many@example.org", false);

    assertThat(receipt.bytes()).isGreaterThan(10L * CHUNK);
    int chunks = p.transactions().inWorkspace(a, () -> {
      int n = 0;
      while (p.packageStore().chunk(a, receipt.packageId(), n).isPresent()) {
        assertThat(p.packageStore().chunk(a, receipt.packageId(), n).orElseThrow().length).isLessThanOrEqualTo(CHUNK);
        n++;
      }
      return n;
    });
    assertThat(chunks).isGreaterThan(10);
    assertThat(unzip(download(token(receipt))).get("subject.json")).contains("Marker-Many");
  }

  @Test
  @DisplayName("A download link works once, and the package is gone after it")
  void downloadWorksOnce() {
    PackageReceipt receipt = build("ada@example.org", false);
    String token = token(receipt);
    download(token);

    assertThatThrownBy(() -> download(token)).isInstanceOf(InvalidTokenException.class);
    assertThat(p.transactions().inPlatform(p.packageStore()::chunkCount)).isZero();
    assertThatThrownBy(() -> downloads.claim("dsr_nope", "192.0.2.1")).isInstanceOf(InvalidTokenException.class);
  }

  @Test
  @DisplayName("After 7 days the link fails (the retention engine's expiry step then deletes the package)")
  void expiredPackagesFail() {
    PackageReceipt receipt = build("ada@example.org", false);
    String token = token(receipt);
    clock.advance(Duration.ofDays(7));

    assertThatThrownBy(() -> downloads.claim(token, "192.0.2.1")).isInstanceOf(InvalidTokenException.class);
    assertThat(p.transactions().inWorkspace(a, () -> p.packageStore().chunk(a,
        receipt.packageId(), 0))).as("kept until the retention engine's round").isPresent();
  }

  @Test
  void aFailedDownloadStillDeletesThePackage() {
    DownloadPackageUseCase.Download download = downloads.claim(token(build("ada@example.org", false)), "192.0.2.1");
    assertThatThrownBy(() -> download.writeTo(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("the client went away");
      }
    })).isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(p.transactions().inPlatform(p.packageStore()::chunkCount)).isZero();
  }

  @Test
  @DisplayName("Failed downloads are throttled per client IP: over the limit 429, a success does not count")
  void failedDownloadsAreThrottledPerIp() {
    String token = token(build("ada@example.org", false));
    download(token); // a success gives its hit back
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> downloads.claim("dsr_" + "B".repeat(43), "198.51.100.7"))
          .isInstanceOf(InvalidTokenException.class);
    }
    assertThatThrownBy(() -> downloads.claim("dsr_" + "B".repeat(43), "198.51.100.7"))
        .isInstanceOf(RateLimitedException.class);
    assertThatThrownBy(() -> downloads.claim("dsr_" + "B".repeat(43), "192.0.2.1"))
        .as("another address is not limited").isInstanceOf(InvalidTokenException.class);
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
