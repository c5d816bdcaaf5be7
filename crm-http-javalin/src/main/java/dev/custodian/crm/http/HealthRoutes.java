package dev.custodian.crm.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.http.problem.Problems;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/** HTTP adapter: liveness ({@code /health}) and readiness ({@code /ready}) probes. */
final class HealthRoutes implements RouteGroup {

  private static final Map<String, String> UP = Map.of("status", "UP");

  /** The probes' answer. */
  record Status(String status) {}

  private final HttpApi.Readiness readiness;
  private final ObjectMapper mapper;

  HealthRoutes(HttpApi.Readiness readiness, ObjectMapper mapper) {
    this.readiness = readiness;
    this.mapper = mapper;
  }

  @Override
  public void addTo(RouteTable table) {
    table.get("/health").access(Access.PUBLIC).describe("health", "Liveness: the process answers")
        .responds(200, Status.class).handle(this::health);
    table.get("/ready").access(Access.PUBLIC).describe("ready", "Readiness: the database answers and is migrated")
        .responds(200, Status.class).handle(this::ready);
  }

  /** The process answers and is alive (a cheap flag, no database query), or a 503 problem. */
  void health(Context ctx) {
    if (readiness.isAlive()) {
      ctx.json(UP);
    } else {
      Problems.notReady(ctx, mapper, "The database is down and not recovering.");
    }
  }

  /** The database is reachable and its schema up to date, or a 503 problem saying which not. */
  void ready(Context ctx) {
    Optional<String> notReady = readiness.notReadyReason();
    if (notReady.isPresent()) {
      Problems.notReady(ctx, mapper, notReady.get());
    } else {
      ctx.json(UP);
    }
  }
}
