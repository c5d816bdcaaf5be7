package dev.custodian.crm.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.core.common.error.BusyException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.common.error.UnavailableException;
import dev.custodian.crm.core.common.error.ValidationException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP adapter: the one table from exceptions to problem+json answers. Every exception a handler
 * or the framework throws ends here; clients never see a stack trace or an exception message that
 * the core has not vouched for (a {@link CrmException}'s message names fields and ids only).
 */
public final class Problems {

  /** The media type of every error answer (RFC 9457). */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** Seconds a client should wait before retrying after a 503 (sent as {@code Retry-After}). */
  public static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  private final ObjectMapper mapper;
  private final long maxRequestBytes;

  private Problems(ObjectMapper mapper, long maxRequestBytes) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.maxRequestBytes = maxRequestBytes;
  }

  /** Routes every exception (ours, Jackson's, Javalin's own HTTP errors) through the table. */
  public static void register(JavalinConfig config, ObjectMapper mapper, long maxRequestBytes) {
    Problems problems = new Problems(mapper, maxRequestBytes);
    // Javalin keeps a default handler for its own HTTP errors; ours replaces it.
    config.routes.exception(HttpResponseException.class, problems::handle);
    config.routes.exception(Exception.class, problems::handle);
  }

  /** Answers a 503 {@code /problems/not-ready} with the given (client-safe) reason. */
  public static void notReady(Context ctx, ObjectMapper mapper, String detail) {
    Problem problem = Problem.of(ProblemType.NOT_READY, detail);
    new Problems(mapper, 0).write(ctx, problem, retryAfter(null, problem));
  }

  private void handle(Exception e, Context ctx) {
    if (e instanceof HttpResponseException) {
      HttpResponseException http = (HttpResponseException) e;
      String allow = http.getDetails().get("availableMethods");
      if (http.getStatus() == 405 && allow != null) {
        ctx.header("Allow", allow);
      }
    }
    if (e instanceof UnavailableException unavailable) {
      // One line per failed request, no stack trace: an outage must not flood the log.
      log.warn("Unavailable: {} on {} {}", unavailable.failure(), ctx.method(), route(ctx));
    }
    Problem problem = toProblem(e, ctx);
    write(ctx, problem, retryAfter(e, problem));
  }

  /**
   * The {@code Retry-After} seconds of an answer: a 429's own (when its window ends), a busy
   * resource's own (how long its queue takes to drain), a fixed {@value #RETRY_AFTER_SECONDS} for
   * every other 503, none otherwise.
   */
  private static OptionalLong retryAfter(Exception e, Problem problem) {
    if (e instanceof RateLimitedException limited) {
      return OptionalLong.of(limited.retryAfterSeconds());
    }
    if (e instanceof BusyException busy) {
      return OptionalLong.of(busy.retryAfterSeconds());
    }
    return problem.status() == 503 ? OptionalLong.of(RETRY_AFTER_SECONDS) : OptionalLong.empty();
  }

  /** The table. */
  Problem toProblem(Exception e, Context ctx) {
    if (e instanceof CrmException core) {
      return fromCore(core);
    }
    if (isClientGone(e)) {
      // The client closed the connection mid-request: nobody reads the answer, nothing to fix.
      log.debug("Client went away during {} {}", ctx.method(), route(ctx));
      return refused(ctx, Problem.of(ProblemType.BAD_REQUEST, "The request ended before its body did."), false);
    }
    if (e instanceof RequestRefused refusal) {
      return refused(ctx, Problem.of(refusal.type(), refusal.status(), refusal.getMessage(), List.of()), true);
    }
    if (e instanceof JsonProcessingException json) {
      return JsonProblems.from(json)
          .map(problem -> refused(ctx, problem, problem.type().equals(ProblemType.MALFORMED_JSON.uri())))
          .orElseGet(() -> internalError(e, ctx));
    }
    if (e instanceof HttpResponseException http) {
      int status = http.getStatus();
      // A body refused for its size or type is a refusal of the request itself; a 404 or 405 is not.
      return refused(ctx, forStatus(status, maxRequestBytes), status == 413 || status == 415);
    }
    if (e instanceof org.eclipse.jetty.http.HttpException jetty) { // e.g. a request data rate too low
      return refused(ctx, forStatus(jetty.getCode(), maxRequestBytes), true);
    }
    return internalError(e, ctx);
  }

  /** A refusal of the request itself: one WARN line naming the problem type and route, never the input. */
  private static Problem refused(Context ctx, Problem problem, boolean warn) {
    if (warn) {
      log.warn("Refused a request to {} {}: {}", ctx.method(), route(ctx), problem.type());
    }
    return problem;
  }

  private static boolean isClientGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.io.EofException || t instanceof java.nio.channels.ClosedChannelException) {
        return true;
      }
    }
    return false;
  }

  private static Problem fromCore(CrmException e) {
    ProblemType type = typeOf(e.kind());
    if (e instanceof ValidationException validation) {
      List<Problem.Item> items = validation.errors().stream().map(Problems::item).toList();
      return Problem.of(type, type.status(),
          "The request has " + items.size() + " invalid input" + (items.size() == 1 ? "" : "s")
              + "; see errors.",
          items);
    }
    return Problem.of(type, e.getMessage());
  }

  /** One problem type per kind; without a {@code default}, an unmapped kind does not compile. */
  public static ProblemType typeOf(CrmException.Kind kind) {
    return switch (kind) {
      case VALIDATION -> ProblemType.VALIDATION;
      case INVALID_TOKEN -> ProblemType.INVALID_TOKEN;
      case NOT_FOUND -> ProblemType.NOT_FOUND;
      case UNAUTHENTICATED -> ProblemType.UNAUTHENTICATED;
      case FORBIDDEN -> ProblemType.FORBIDDEN;
      case EMAIL_NOT_VERIFIED -> ProblemType.EMAIL_NOT_VERIFIED;
      case REAUTHENTICATION_FAILED -> ProblemType.REAUTHENTICATION_FAILED;
      case DUPLICATE -> ProblemType.DUPLICATE;
      case SUPPRESSED -> ProblemType.SUPPRESSED;
      case RESTRICTED -> ProblemType.RESTRICTED;
      case LAST_OWNER -> ProblemType.LAST_OWNER;
      case IN_USE -> ProblemType.IN_USE;
      case LIMIT_REACHED -> ProblemType.LIMIT_REACHED;
      case CONSENT_REQUIRED -> ProblemType.CONSENT_REQUIRED;
      case INVALID_STATE -> ProblemType.INVALID_STATE;
      case WORKSPACE_CANCELLED -> ProblemType.WORKSPACE_CANCELLED;
      case PRECONDITION_FAILED -> ProblemType.PRECONDITION_FAILED;
      case PRECONDITION_REQUIRED -> ProblemType.PRECONDITION_REQUIRED;
      case RATE_LIMITED -> ProblemType.RATE_LIMITED;
      case UNAVAILABLE -> ProblemType.UNAVAILABLE;
      case BUSY -> ProblemType.BUSY;
    };
  }

  /** Where a rejected input was given, as the problem's error item says it. */
  private static Problem.Item item(FieldError error) {
    return switch (error.location()) {
      case FIELD -> Problem.Item.pointer(JsonPointers.forField(error.name()), error.detail());
      case PARAMETER -> Problem.Item.parameter(error.name(), error.detail());
      case HEADER -> Problem.Item.header(error.name(), error.detail());
    };
  }

  /**
   * The problem of an HTTP status raised by the framework or the server itself (before any route
   * ran, for the error handler), with a fixed detail.
   */
  static Problem forStatus(int status, long maxRequestBytes) {
    return switch (status) {
      case 400 -> Problem.of(ProblemType.BAD_REQUEST,
          "The request is malformed (its request line, URI, percent-encoding or headers).");
      case 404 -> Problem.of(ProblemType.NOT_FOUND, "There is no resource at this path.");
      case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED,
          "This resource does not support the method; see the Allow header.");
      case 408 -> Problem.of(ProblemType.REQUEST_TIMEOUT, "The request was sent too slowly.");
      case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
          "The request body is larger than " + maxRequestBytes + " bytes.");
      case 414 -> Problem.of(ProblemType.URI_TOO_LONG, "The request URI is too long.");
      case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "The request body must be JSON, sent as application/json.");
      case 431 -> Problem.of(ProblemType.HEADERS_TOO_LARGE, "The request headers are too large.");
      default -> {
        String reason = HttpStatus.forStatus(status).getMessage();
        yield Problem.of(ProblemType.HTTP_ERROR, status,
            reason.isEmpty() ? "HTTP error " + status + "." : reason + ".", List.of());
      }
    };
  }

  private static Problem internalError(Exception e, Context ctx) {
    log.error("Unhandled {} on {} {}", e.getClass().getName(), ctx.method(), route(ctx),
        RedactedThrowable.of(e));
    return Problem.of(ProblemType.INTERNAL_ERROR, "The server could not complete the request.");
  }

  /** The matched route's template (ids stay out of the log), or a placeholder. */
  private static String route(Context ctx) {
    try {
      // The endpoint the request matched, also when a before-handler of it threw.
      var matched = ctx.endpoints().matchedHttpEndpoint();
      return matched != null ? matched.path : ctx.endpoint().path;
    } catch (RuntimeException noEndpoint) {
      return "(no route)";
    }
  }

  private void write(Context ctx, Problem problem, OptionalLong retryAfterSeconds) {
    String body;
    try {
      body = mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      log.error("Cannot write a problem document", e);
      body = "{\"type\":\"/problems/internal-error\",\"status\":500}";
    }
    retryAfterSeconds.ifPresent(seconds -> ctx.header("Retry-After", String.valueOf(seconds)));
    // The content type goes first: set after the result, Javalin appends a charset to it.
    ctx.status(problem.status()).contentType(MEDIA_TYPE).result(body);
  }
}
