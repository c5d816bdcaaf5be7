package dev.custodian.crm.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.core.common.error.BusyException;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidTokenException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.common.error.UnauthenticatedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.UnavailableException;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import dev.custodian.crm.http.common.Requests;
import dev.custodian.crm.http.problem.ProblemType;
import dev.custodian.crm.http.problem.Problems;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The problem table over a real socket. One test route group throws whatever the test needs (no
 * database and no use case involved), so every kind of error can be reached.
 */
class ProblemTableTest {

  private static final AtomicReference<Supplier<RuntimeException>> failure = new AtomicReference<>();
  private static final AtomicReference<Optional<String>> readiness =
      new AtomicReference<>(Optional.empty());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient client = HttpClient.newHttpClient();
  private static final String THROWING = "/test/throwing";
  private static Javalin api;

  @BeforeAll
  static void start() {
    RouteGroup throwing = table -> {
      table.get(THROWING).access(Access.ACCOUNT).handle(ctx -> {
        throw failure.get().get();
      });
      table.post(THROWING).access(Access.ACCOUNT).handle(ctx -> Requests.jsonBody(ctx, java.util.Map.class));
    };
    api = HttpApi.create(List.of(throwing), TestSessions.credentials(), readiness::get,
        HttpApi.Settings.loopback(1000), java.time.Clock.systemUTC()).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    api.stop();
  }

  /** An exception of each kind, built the way the core builds them. */
  private static CrmException exceptionOf(CrmException.Kind kind) {
    return switch (kind) {
      case VALIDATION -> ValidationException.of(FieldError.field("name", "is required"));
      case INVALID_TOKEN -> new InvalidTokenException();
      case NOT_FOUND -> new NotFoundException("contact");
      case UNAUTHENTICATED -> new UnauthenticatedException("sign in first");
      case FORBIDDEN, EMAIL_NOT_VERIFIED, REAUTHENTICATION_FAILED -> new ForbiddenException(kind, "forbidden of kind " + kind);
      case DUPLICATE, SUPPRESSED, RESTRICTED, LAST_OWNER, IN_USE, LIMIT_REACHED, WORKSPACE_CANCELLED, CONSENT_REQUIRED,
          INVALID_STATE -> new ConflictException(kind, "conflict of kind " + kind);
      case PRECONDITION_FAILED -> PreconditionFailedException.stale("contact");
      case PRECONDITION_REQUIRED -> PreconditionFailedException.missing("contact");
      case RATE_LIMITED -> new RateLimitedException(42);
      case UNAVAILABLE -> new UnavailableException("the database did not answer in time", "PSQLException (SQLState 08006)");
      case BUSY -> new BusyException("too many passwords are being hashed; try again shortly", 10);
    };
  }

  @Test
  void everyErrorKind_answersItsStatusAndADocumentedProblemType() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (CrmException.Kind kind : CrmException.Kind.values()) {
      ProblemType type = Problems.typeOf(kind);
      JsonNode problem = whenGetThrows(() -> exceptionOf(kind), type.status());
      assertThat(problem.path("type").asText()).as(kind.name()).isEqualTo(type.uri());
      assertThat(problem.path("status").asInt()).as(kind.name()).isEqualTo(type.status());
      assertThat(readme).as("the README documents %s", type.uri()).contains("`" + type.uri() + "`");
    }
  }

  @Test
  void forbidden_is403() throws Exception {
    JsonNode problem = whenGetThrows(() -> new ForbiddenException("needs the owner role"), 403);
    assertThat(problem.path("type").asText()).isEqualTo("/problems/forbidden");
  }

  @Test
  void unavailable_is503WithRetryAfter_andOneWarningNamingTheFailureAndTheRouteOnly() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(Problems.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    HttpResponse<String> response;
    try {
      failure.set(() -> new UnavailableException("the database did not answer in time",
          "PSQLException (SQLState 08006)"));
      response = send(HttpRequest.newBuilder(uri(THROWING)).GET());
    } finally {
      logger.detachAppender(logs);
    }
    assertThat(logs.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).hasToString("WARN");
      assertThat(event.getFormattedMessage())
          .isEqualTo("Unavailable: PSQLException (SQLState 08006) on GET " + THROWING);
      assertThat(event.getThrowableProxy()).as("no stack trace").isNull();
    });
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After"))
        .hasValue(String.valueOf(Problems.RETRY_AFTER_SECONDS));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("type").asText()).isEqualTo("/problems/unavailable");
    assertThat(problem.toString()).as("the failure is for the log, not the client")
        .doesNotContain("PSQLException").doesNotContain("08006");
  }

  @Test
  void busy_is503WithTheExceptionsRetryAfter() throws Exception {
    failure.set(() -> new BusyException("too many passwords are being hashed; try again shortly", 7));
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(THROWING)).GET());
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo("/problems/busy");
  }

  @Test
  void rateLimited_is429WithItsOwnRetryAfter_andNamesNoKey() throws Exception {
    failure.set(() -> new RateLimitedException(437));
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(THROWING)).GET());

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("437");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("type").asText()).isEqualTo("/problems/rate-limited");
    assertThat(problem.path("title").asText()).isEqualTo("Rate limited");
    assertThat(problem.path("status").asInt()).isEqualTo(429);
  }

  @Test
  void answersOtherThan429And503_carryNoRetryAfter() throws Exception {
    failure.set(() -> new NotFoundException("contact"));
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(THROWING)).GET());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void everyFieldErrorLocation_isNamedAsSuch() throws Exception {
    for (FieldError.Location location : FieldError.Location.values()) {
      JsonNode item = whenGetThrows(
          () -> ValidationException.of(new FieldError(location, "limit", "is wrong")), 400).path("errors").get(0);
      String expectedMember = switch (location) {
        case FIELD -> "pointer";
        case PARAMETER -> "parameter";
        case HEADER -> "header";
      };
      assertThat(item.path(expectedMember).asText()).as(location.name())
          .isEqualTo(location == FieldError.Location.FIELD ? "#/limit" : "limit");
      assertThat(item.path("detail").asText()).isEqualTo("is wrong");
    }
  }

  @Test
  void suppressedConflict_isItsOwnProblemType() throws Exception {
    JsonNode problem = whenGetThrows(() -> new ConflictException(ConflictException.Kind.SUPPRESSED,
        "the identifier is on the suppression list"), 409);
    assertThat(problem.path("type").asText()).isEqualTo("/problems/suppressed");
  }

  @Test
  void inUseAndLimitReachedConflicts_areTheirOwnProblemTypes() throws Exception {
    assertThat(whenGetThrows(() -> new ConflictException(ConflictException.Kind.IN_USE,
        "the WON stage cannot be deleted"), 409).path("type").asText()).isEqualTo("/problems/in-use");
    assertThat(whenGetThrows(() -> new ConflictException(ConflictException.Kind.LIMIT_REACHED,
        "a workspace has at most 50 pipelines"), 409).path("type").asText()).isEqualTo("/problems/limit-reached");
  }

  @Test
  void stalePrecondition_is412_andMissingOne_is428() throws Exception {
    assertThat(whenGetThrows(() -> PreconditionFailedException.stale("workspace"), 412)
        .path("type").asText()).isEqualTo("/problems/precondition-failed");
    assertThat(whenGetThrows(() -> PreconditionFailedException.missing("workspace"), 428)
        .path("type").asText()).isEqualTo("/problems/precondition-required");
  }

  @Test
  void parameterAndHeaderErrors_areNamedAsSuch() throws Exception {
    JsonNode problem = whenGetThrows(() -> new ValidationException(List.of(
        FieldError.parameter("limit", "must be at most 100"),
        FieldError.header("If-Match", "is required"))), 400);
    assertThat(problem.path("errors").get(0).path("parameter").asText()).isEqualTo("limit");
    assertThat(problem.path("errors").get(1).path("header").asText()).isEqualTo("If-Match");
  }

  @Test
  void bug_isAGenericInternalError_withoutItsMessage() throws Exception {
    JsonNode problem = whenGetThrows(() -> new IllegalStateException("secret internals"), 500);
    assertThat(problem.path("type").asText()).isEqualTo("/problems/internal-error");
    assertThat(problem.toString()).doesNotContain("secret internals").doesNotContain("IllegalState");
  }

  @Test
  void anyOtherFrameworkHttpError_isAGenericHttpErrorProblemWithItsStatus() throws Exception {
    JsonNode problem = whenGetThrows(() -> new io.javalin.http.HttpResponseException(410, "internal words"), 410);
    assertThat(problem.path("type").asText()).isEqualTo("/problems/http-error");
    assertThat(problem.path("status").asInt()).isEqualTo(410);
    assertThat(problem.toString()).doesNotContain("internal words");
  }

  @Test
  void notReady_is503Problem() throws Exception {
    readiness.set(Optional.of("The database is not reachable."));
    try {
      HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ready")).GET());
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).isPresent();
      assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo("/problems/not-ready");
    } finally {
      readiness.set(Optional.empty());
    }
  }

  @Test
  void bodyOverTheConfiguredLimit_isPayloadTooLarge() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(THROWING))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "a".repeat(2000) + "\"}")));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void whileStopping_aRequestOnAnOpenConnectionIs503_andTheOneInFlightFinishes() throws Exception {
    // Jetty may close the waiting keep-alive connection as idle before our request reaches it (a clean close the
    // client retries, not a failure); the scenario is repeated until the request wins that race, as it usually does.
    String answer = "";
    for (int attempt = 0; attempt < 5 && answer.isEmpty(); attempt++) {
      answer = answerOnAnOpenConnectionWhileStopping();
    }
    assertThat(answer).contains("HTTP/1.1 503 ").contains("Retry-After").contains("/problems/unavailable");
  }

  /** The answer to a request sent on an idle connection while a slow request is in flight; "" if it was closed. */
  private static String answerOnAnOpenConnectionWhileStopping() throws Exception {
    java.util.concurrent.CountDownLatch inFlight = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    RouteGroup slow = table -> table.get("/test/slow").access(Access.ACCOUNT).handle(ctx -> {
      inFlight.countDown();
      release.await();
      ctx.result("done");
    });
    Javalin stopping = HttpApi.create(List.of(slow), TestSessions.credentials(), Optional::empty,
        HttpApi.Settings.loopback(1000), java.time.Clock.systemUTC())
        .start("127.0.0.1", 0);
    int port = stopping.port();
    try (java.net.Socket open = new java.net.Socket("127.0.0.1", port)) {
      var slowAnswer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/slow"))
                  .header("Cookie", TestSessions.COOKIE).build(),
              HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertThat(inFlight.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      Thread stopper = new Thread(stopping::stop);
      stopper.start();
      String answer = "";
      boolean closed = false;
      open.setSoTimeout(100);
      for (int i = 0; i < 200 && !closed && !answer.contains(" 503 "); i++) {
        try {
          open.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          byte[] chunk = new byte[4096];
          int n = open.getInputStream().read(chunk);
          closed = n < 0;
          answer += n > 0 ? new String(chunk, 0, n, StandardCharsets.ISO_8859_1) : "";
        } catch (java.net.SocketTimeoutException e) {
          // nothing yet
        } catch (java.io.IOException e) {
          closed = true;
        }
      }
      release.countDown();
      assertThat(slowAnswer.get(15, java.util.concurrent.TimeUnit.SECONDS).body()).isEqualTo("done");
      stopper.join(15_000);
      return closed && !answer.contains(" 503 ") ? "" : answer;
    } finally {
      release.countDown();
    }
  }

  private static JsonNode whenGetThrows(Supplier<RuntimeException> thrown, int status) throws Exception {
    failure.set(thrown);
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(uri(THROWING)).GET());
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain(".java:");
    return JSON.readTree(response.body());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + api.port() + path);
  }

  /** Sent signed in, and from the server's own origin, as a browser on it would. */
  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    request.header("Cookie", TestSessions.COOKIE).header("Origin", "http://127.0.0.1:" + api.port());
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
