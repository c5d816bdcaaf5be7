package dev.custodian.crm.http.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.error.UnauthenticatedException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyDomain;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.CompanyName;
import dev.custodian.crm.core.contact.ExportedContact;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.export.port.in.ExportListUseCase;
import dev.custodian.crm.core.export.port.in.ExportSink;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.HttpApi;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The export routes over a real socket, on a fake use case: a stream failing after its body
 * started reads as broken (no last chunk), a failure before it is a problem, one export too many
 * is a 503 busy, and formula cells are escaped.
 */
class ExportRoutesTest {

  private static final String COOKIE = "__Host-crm_session=ses_" + "A".repeat(43);
  private static final WorkspaceId WORKSPACE = WorkspaceId.of(UUID.randomUUID());

  private final FakeExports exports = new FakeExports();
  private Javalin http;

  /** Companies: {@code rows} of them, then a failure when {@code failAfter} of them are written; waits on {@code hold} after starting. */
  private static final class FakeExports implements ExportListUseCase {
    volatile int rows = 3;
    volatile int failAfter = -1;
    volatile boolean failBeforeStart;
    volatile CountDownLatch started = new CountDownLatch(1);
    volatile CountDownLatch hold = new CountDownLatch(0);

    @Override
    public void contacts(Actor actor, WorkspaceId workspace, ListQuery query, boolean includeSensitive,
        ExportSink<ExportedContact> sink) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void companies(Actor actor, WorkspaceId workspace, ListQuery query, boolean includeSensitive,
        ExportSink<Company> sink) {
      if (failBeforeStart) {
        throw new UnauthenticatedException("sign in first");
      }
      sink.start(List.of());
      started.countDown();
      try {
        hold.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (int i = 0; i < rows; i++) {
        if (i == failAfter) {
          throw new IllegalStateException("the database went away");
        }
        sink.row(Company.reconstitute(workspace, CompanyId.of(UUID.randomUUID()),
            new CompanyName(i == 0 ? "=1+1" : "Company " + i + " " + "x".repeat(80)),
            Optional.of(new CompanyDomain("c" + i + ".example.com")), Instant.EPOCH, Instant.EPOCH, 1));
      }
    }

    @Override
    public void deals(Actor actor, WorkspaceId workspace, ListQuery query, boolean includeSensitive,
        ExportSink<Deal> sink) {
      throw new UnsupportedOperationException();
    }
  }

  private HttpResponse<String> export(String format) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port()
        + "/api/v1/workspaces/" + WORKSPACE + "/companies/export?format=" + format)).header("Cookie", COOKIE).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private void start(int maxConcurrent) {
    HttpApi.Credentials credentials = new HttpApi.Credentials(token -> {
      throw new UnauthenticatedException("sign in first");
    });
    http = HttpApi.create(List.of(ExportApi.routes(exports, (actor, workspace, writer) -> {
      throw new UnsupportedOperationException();
    }, maxConcurrent, Duration.ofMinutes(30),
        Clock.systemUTC())), credentials, new HttpApi.Readiness() {
          @Override
          public Optional<String> notReadyReason() {
            return Optional.empty();
          }

          @Override
          public boolean isAlive() {
            return true;
          }
        }, HttpApi.Settings.loopback(1000), Clock.systemUTC()).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    if (http != null) {
      http.stop();
    }
  }

  @Test
  void wholeExport_isAFileWithItsHeaderAndEscapedCells() throws Exception {
    start(2);
    HttpResponse<String> csv = export("csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"companies.csv\"");
    assertThat(csv.body().lines().toList()).hasSize(4).first().isEqualTo("id,name,domain,createdAt,updatedAt");
    assertThat(csv.body()).contains(",'=1+1,c0.example.com,");
    HttpResponse<String> ndjson = export("ndjson");
    assertThat(ndjson.body().lines().toList()).hasSize(3).first().asString().contains("\"name\":\"=1+1\"");
  }

  @Test
  @DisplayName("A stream that fails after its body started ends without its last chunk: the client reads a broken body, never a short file")
  void failureAfterTheBodyStarted_readsAsBroken() throws Exception {
    start(2);
    exports.rows = 5_000;
    exports.failAfter = 3_000; // ~300 kB written (past the 64 kB buffer): the response is committed
    assertThatThrownBy(() -> export("csv")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> export("ndjson")).isInstanceOf(IOException.class);
    exports.failAfter = 2; // nothing sent yet: a problem answers instead
    HttpResponse<String> failed = export("csv");
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(failed.body()).doesNotContain("Company");
  }

  @Test
  void failureBeforeTheBodyStarted_isAProblem() throws Exception {
    start(2);
    exports.failBeforeStart = true;
    HttpResponse<String> refused = export("csv");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  @DisplayName("One export more than CRM_EXPORT_MAX_CONCURRENT is a 503 busy with Retry-After; the slot comes back after")
  void oneTooMany_isBusy() throws Exception {
    start(1);
    exports.hold = new CountDownLatch(1);
    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
      try {
        return export("csv");
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(exports.started.await(10, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> busy = export("csv");
    assertThat(busy.statusCode()).isEqualTo(503);
    assertThat(busy.body()).contains("/problems/busy");
    assertThat(busy.headers().firstValue("Retry-After")).isPresent();
    exports.hold.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(export("csv").statusCode()).isEqualTo(200);
  }

  @Test
  void formulaStarts_getALeadingQuote() {
    for (String cell : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
      assertThat(ExportFile.escaped(cell)).isEqualTo("'" + cell);
    }
    assertThat(ExportFile.escaped("Ada")).isEqualTo("Ada");
    assertThat(ExportFile.escaped("")).isEmpty();
  }
}
