package dev.custodian.crm.http.audit;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditFilter;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.Requests;
import dev.custodian.crm.http.common.Spool;
import dev.custodian.crm.privacy.audit.port.in.AuditUseCases;
import dev.custodian.crm.privacy.audit.service.AuditServices;
import io.javalin.http.Context;
import io.javalin.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * HTTP adapter: a workspace's audit trail for its ADMINs (read newest first, exported as JSON
 * lines, verified), and the signed-in account's own sign-in events.
 */
final class AuditRoutes implements RouteGroup {

  static final String AUDIT = "/api/v1/workspaces/{workspaceId}/audit";
  static final String EXPORT = AUDIT + "/export";
  static final String VERIFY = AUDIT + "/verify";
  static final String LOGIN_EVENTS = "/api/v1/me/login-events";
  static final String JSON_LINES = "application/x-ndjson";

  private static final int DEFAULT_LIMIT = 50;
  private static final Set<String> LIST_PARAMETERS = Set.of("limit", "cursor", "from", "to", "action", "targetType",
      "targetId");
  private static final Set<String> PAGE_PARAMETERS = Set.of("limit", "cursor");

  private final AuditUseCases useCases;

  AuditRoutes(AuditUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    table.get(AUDIT).access(Access.permission(Permission.AUDIT_READ))
        .describe("listAuditEntries", "Read the workspace's audit trail, newest first (filters from, to, action, "
            + "targetType, targetId; limit and cursor)")
        .responds(200, AuditPageResponse.class).handle(this::list);
    table.get(EXPORT).access(Access.permission(Permission.AUDIT_READ))
        .describe("exportAuditEntries", "Export the workspace's whole audit trail as JSON lines, oldest first")
        .responds(200, AuditEntryResponse.class).handle(this::export);
    table.get(VERIFY).access(Access.permission(Permission.AUDIT_READ))
        .describe("verifyAuditTrail", "Verify the workspace's audit chain: valid, or its first broken entry")
        .responds(200, VerificationResponse.class).handle(this::verify);
    table.get(LOGIN_EVENTS).access(Access.ACCOUNT)
        .describe("listLoginEvents", "Your own sign-in events, newest first (limit and cursor)")
        .responds(200, AuditPageResponse.class).handle(this::loginEvents);
  }

  /** {@code GET .../audit}: a page of entries, newest first. */
  void list(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    onlyParameters(ctx, v, LIST_PARAMETERS);
    int limit = limit(ctx, v);
    OptionalLong below = cursor(ctx, v);
    Optional<Instant> from = parameter(ctx, v, "from", AuditRoutes::instant);
    Optional<Instant> to = parameter(ctx, v, "to", AuditRoutes::instant);
    Optional<AuditAction> action = parameter(ctx, v, "action",
        raw -> AuditAction.fromLabel(raw).orElseThrow(() -> new InvalidValueException("must be an audit action")));
    Optional<AuditTargetType> targetType = parameter(ctx, v, "targetType",
        raw -> AuditTargetType.fromLabel(raw).orElseThrow(() -> new InvalidValueException("must be a target type")));
    Optional<UUID> targetId = parameter(ctx, v, "targetId", AuditRoutes::uuid);
    v.throwIfInvalid();
    AuditFilter filter = new AuditFilter(from, to, action, targetType, targetId);
    ctx.json(AuditPageResponse.from(useCases.list().list(CurrentActor.of(ctx), workspace, filter, below, limit)));
  }

  /**
   * {@code GET .../audit/export}: every entry as one JSON object a line, oldest first, the export's
   * own entry last, streamed from the database's cursor into an encrypted {@link Spool} in the use
   * case's transaction and sent from it once that committed, so a failure still answers a problem,
   * a session token the request rotated reaches its cookie, and memory stays flat.
   */
  void export(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    onlyParameters(ctx, v, Set.of());
    v.throwIfInvalid();
    JsonMapper json = ctx.jsonMapper(); // the API's one configuration
    try (Spool spool = Spool.create()) {
      OutputStream out = spool.out();
      useCases.export().export(CurrentActor.of(ctx), workspace, entry -> {
        try {
          out.write(json.toJsonString(AuditEntryResponse.from(entry), AuditEntryResponse.class)
              .getBytes(StandardCharsets.UTF_8));
          out.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      ctx.contentType(JSON_LINES).header("Content-Disposition", "attachment; filename=\"audit.jsonl\"")
          .result(spool.sending());
    }
  }

  /** {@code GET .../audit/verify}: {@code {"valid": true, "entries": n}} or the first broken entry. */
  void verify(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    onlyParameters(ctx, v, Set.of());
    v.throwIfInvalid();
    ctx.json(VerificationResponse.from(useCases.verify().verify(CurrentActor.of(ctx), workspace)));
  }

  /** {@code GET /api/v1/me/login-events}: the caller's own sign-in events, newest first, decrypted. */
  void loginEvents(Context ctx) {
    Validator v = new Validator();
    onlyParameters(ctx, v, PAGE_PARAMETERS);
    int limit = limit(ctx, v);
    OptionalLong below = cursor(ctx, v);
    v.throwIfInvalid();
    ctx.json(AuditPageResponse.from(useCases.loginEvents().list(CurrentActor.of(ctx).account(), below, limit)));
  }

  private static void onlyParameters(Context ctx, Validator v, Set<String> allowed) {
    ctx.queryParamMap().keySet().stream().filter(name -> !allowed.contains(name)).sorted()
        .forEach(name -> v.reject(FieldError.parameter(name, "is not a parameter of this route")));
  }

  private static int limit(Context ctx, Validator v) {
    return parameter(ctx, v, "limit", raw -> {
      try {
        int limit = Integer.parseInt(raw);
        if (limit >= 1 && limit <= AuditServices.MAX_LIMIT) {
          return limit;
        }
      } catch (NumberFormatException e) {
        // below
      }
      throw new InvalidValueException("must be a whole number from 1 to " + AuditServices.MAX_LIMIT);
    }).orElse(DEFAULT_LIMIT);
  }

  private static OptionalLong cursor(Context ctx, Validator v) {
    return parameter(ctx, v, "cursor", AuditCursor::decode).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  private static <T> Optional<T> parameter(Context ctx, Validator v, String name, Function<String, T> parse) {
    return v.optional(FieldError.Location.PARAMETER, name, ctx.queryParam(name), parse);
  }

  private static Instant instant(String raw) {
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new InvalidValueException("must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }

  private static UUID uuid(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("must be a uuid");
    }
  }
}
