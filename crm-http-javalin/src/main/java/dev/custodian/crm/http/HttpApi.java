package dev.custodian.crm.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.http.json.JsonMapper;
import dev.custodian.crm.http.problem.Problems;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP adapter, the entry point: the REST API, made of every feature's {@link RouteGroup}, as an
 * unstarted Javalin. Every error answers {@code application/problem+json}; see {@link Problems}.
 */
public final class HttpApi {

  /** How long a stopping server lets requests in flight finish. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private HttpApi() {}

  /** Port of {@code GET /ready} and {@code GET /health}: whether the application can serve. */
  @FunctionalInterface
  public interface Readiness {

    /** Empty when ready; otherwise why not, in words that any client may read. */
    Optional<String> notReadyReason();

    /**
     * Whether the process can still serve at all (for {@code GET /health}); false when what it
     * depends on is down and not recovering, so that a supervisor restarts it.
     */
    default boolean isAlive() {
      return true;
    }
  }

  /**
   * The API, configured and unstarted: call {@code start(host, port)} and, to shut down,
   * {@code stop()} (requests in flight get {@link #STOP_TIMEOUT} to finish).
   *
   * @param routeGroups every feature's routes, served besides the health probes
   * @param maxRequestBytes the largest request body accepted; larger ones get a 413 problem
   */
  public static Javalin create(
      Collection<? extends RouteGroup> routeGroups, Readiness readiness, long maxRequestBytes) {
    List<RouteGroup> groups = List.copyOf(routeGroups);
    Objects.requireNonNull(readiness, "readiness");
    if (maxRequestBytes <= 0) {
      throw new IllegalArgumentException("maxRequestBytes must be positive");
    }
    ObjectMapper mapper = JsonMapper.create();
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.http.maxRequestSize = maxRequestBytes;
      config.http.prefer405over404 = true;
      config.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT.toMillis()));

      Problems.register(config, mapper, maxRequestBytes);
      new HealthRoutes(readiness, mapper).addTo(config);
      groups.forEach(group -> group.addTo(config));
    });
  }
}
