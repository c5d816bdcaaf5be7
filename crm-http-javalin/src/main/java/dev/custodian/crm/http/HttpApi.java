package dev.custodian.crm.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.core.access.PermissionMatrix;
import dev.custodian.crm.core.session.port.in.AuthenticateUseCase;
import dev.custodian.crm.http.common.RequestGuards;
import dev.custodian.crm.http.json.JsonMapper;
import dev.custodian.crm.http.problem.ProblemErrorHandler;
import dev.custodian.crm.http.problem.Problems;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

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
   * How the edge treats requests.
   *
   * @param maxRequestBytes the largest request body accepted; a larger one gets a 413 problem
   * @param allowedHosts the host names (lower case, no port) a request's {@code Host} may name;
   *     any other gets a 421 problem, so a web page cannot reach the API through DNS rebinding
   * @param maxThreads the most requests handled at once; more wait in the server's queue
   * @param publicUrl the URL clients reach the server at ({@code CRM_PUBLIC_URL}): an unsafe request
   *     carrying the session cookie must come from its origin; empty: from the origin its
   *     {@code Host} names
   */
  public record Settings(long maxRequestBytes, Set<String> allowedHosts, int maxThreads, Optional<String> publicUrl) {

    /**
     * The minimum rate a request's body must arrive at, counted by Jetty from the request's first
     * byte: low, since a small body read a little late would otherwise look slow, yet a client
     * trickling a byte every few seconds falls under it within seconds.
     */
    static final long MIN_REQUEST_DATA_RATE = 8;

    /** How long a connection may stay silent. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    public Settings {
      if (maxRequestBytes <= 0) {
        throw new IllegalArgumentException("maxRequestBytes must be positive");
      }
      allowedHosts = Set.copyOf(allowedHosts);
      if (allowedHosts.isEmpty()) {
        throw new IllegalArgumentException("at least one allowed host is needed");
      }
      if (maxThreads < 8) {
        throw new IllegalArgumentException("maxThreads must be at least 8");
      }
      Objects.requireNonNull(publicUrl, "publicUrl");
      publicUrl.ifPresent(url -> AccessFilter.originOf(url)
          .orElseThrow(() -> new IllegalArgumentException("publicUrl must be an http(s) URL with a host")));
    }

    /** The defaults for a server on the loopback interface. */
    public static Settings loopback(long maxRequestBytes) {
      return new Settings(maxRequestBytes, Set.of("127.0.0.1", "localhost", "[::1]"), 200, Optional.empty());
    }
  }

  /**
   * The API, configured and unstarted: call {@code start(host, port)} and, to shut down,
   * {@code stop()} (requests in flight get {@link #STOP_TIMEOUT} to finish).
   *
   * @param routeGroups every feature's routes, served besides the health probes and the OpenAPI document
   * @param credentials who holds a session token or an API key
   * @param clock the clock a session cookie's remaining lifetime is counted on
   * @throws IllegalStateException when a route has no access, or two routes share a method and path
   */
  public static Javalin create(Collection<? extends RouteGroup> routeGroups, Credentials credentials,
      Readiness readiness, Settings settings, Clock clock) {
    Objects.requireNonNull(readiness, "readiness");
    ObjectMapper mapper = JsonMapper.create();
    RouteTable table = table(routeGroups, readiness, mapper);
    RequestGuards guards = new RequestGuards(settings.allowedHosts(), settings.maxRequestBytes(), table.uploads());
    AccessFilter access = new AccessFilter(table, credentials, settings.publicUrl(), clock);
    ProblemErrorHandler errors = new ProblemErrorHandler(mapper, settings.maxRequestBytes());
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.http.maxRequestSize = settings.maxRequestBytes();
      config.http.prefer405over404 = true;
      // Bounded threads; a slow client cannot hold one for long (minimum data rate, idle timeout).
      QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), 8);
      threads.setName("crm-http");
      config.jetty.threadPool = threads;
      config.jetty.modifyHttpConfiguration(http -> {
        http.setMinRequestDataRate(Settings.MIN_REQUEST_DATA_RATE);
        http.setIdleTimeout(Settings.IDLE_TIMEOUT.toMillis());
        http.setSendServerVersion(false);
      });
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        server.setErrorHandler(errors); // errors before any route: problem+json, not HTML
      });
      config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));

      Problems.register(config, mapper, settings.maxRequestBytes());
      config.routes.before(guards::check);
      // Once a route matched (an unknown path stays a 404, a wrong method a 405), after the guards.
      config.routes.beforeMatched(access::handle);
      config.routes.afterMatched(access::afterHandler);
      config.events.serverStopping(guards::stopping);
      // Fewer path parameters first: a literal segment (.../contacts/export) wins over a parameter
      // in its place (.../contacts/{contactId}), whatever order the groups were added in.
      table.routes().stream().sorted(java.util.Comparator.comparingLong(route -> route.path().chars().filter(c -> c == '{').count()))
          .forEach(route -> config.routes.addHttpHandler(route.method(), route.path(), route.handler()));
      config.appData(TABLE, table.routes());
    });
  }

  /**
   * Who holds a session token, for the account's own routes. A workspace route's credential (a
   * session token or an API key) is checked by its use case's transaction instead.
   */
  public record Credentials(AuthenticateUseCase sessions) {
    public Credentials {
      Objects.requireNonNull(sessions, "sessions");
    }
  }

  /** The route table: the probes, every group's routes and the OpenAPI document, each with its access. */
  static RouteTable table(Collection<? extends RouteGroup> routeGroups, Readiness readiness, ObjectMapper mapper) {
    RouteTable table = new RouteTable();
    new HealthRoutes(readiness, mapper).addTo(table);
    List.copyOf(routeGroups).forEach(group -> group.addTo(table));
    AtomicReference<String> document = new AtomicReference<>();
    table.get(OPENAPI_PATH).access(Access.PUBLIC).describe("openApi", "This API as an OpenAPI 3.1 document")
        .responds(200, null).handle(ctx -> ctx.contentType("application/json").result(document.get()));
    for (Route route : table.routes()) {
      if (route.access() == null) {
        throw new IllegalStateException("the route " + route.key() + " declares no access: every route says who may call it");
      }
    }
    try { // generated once, from the whole table, itself included
      document.set(mapper.writeValueAsString(OpenApiDocument.of(table.routes(), mapper, PermissionMatrix.standard())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the OpenAPI document cannot be written", e);
    }
    return table;
  }

  private static final io.javalin.config.Key<List<Route>> TABLE = new io.javalin.config.Key<>("custodian.routeTable");

  /** The route table {@code api} was built from (for tests and documentation). */
  public static List<Route> tableOf(Javalin api) {
    return api.unsafe.appDataManager.get(TABLE);
  }

  /** Where the OpenAPI document is served. */
  public static final String OPENAPI_PATH = "/api/openapi.json";

  /**
   * Every route {@code api} serves, read from its router (not from a list of ours), as
   * {@code METHOD /path} with Javalin's {@code {param}} placeholders, sorted; filters are left out.
   */
  public static List<String> routes(Javalin api) {
    return api.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
        .sorted()
        .toList();
  }

  /** Every entry of the route table {@code groups} make (with the probes and the OpenAPI document), for tests and documentation. */
  public static List<Route> table(Collection<? extends RouteGroup> groups) {
    return table(groups, Optional::empty, JsonMapper.create()).routes();
  }

}
