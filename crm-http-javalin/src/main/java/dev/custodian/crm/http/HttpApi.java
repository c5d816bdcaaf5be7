package dev.custodian.crm.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.core.tenant.port.in.CreateWorkspaceUseCase;
import dev.custodian.crm.core.tenant.port.in.GetWorkspaceUseCase;
import dev.custodian.crm.http.contact.ContactRoutes;
import dev.custodian.crm.http.erasure.ErasureRoutes;
import dev.custodian.crm.http.json.JsonMapper;
import dev.custodian.crm.http.problem.Problems;
import dev.custodian.crm.http.workspace.WorkspaceRoutes;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP adapter, the entry point: the REST API over crm-core's in-ports as an unstarted Javalin.
 * Every error answers {@code application/problem+json}; see {@link Problems}.
 */
public final class HttpApi {

  /** The default limit of a request body: 1 MB. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 1_000_000L;

  /** How long a stopping server lets requests in flight finish. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private HttpApi() {}

  /** The in-ports the API calls: workspace use cases, then one group per feature. */
  public record UseCases(CreateWorkspaceUseCase createWorkspace, GetWorkspaceUseCase getWorkspace,
      ContactRoutes.UseCases contacts, ErasureRoutes.UseCases erasure) {

    public UseCases {
      Objects.requireNonNull(createWorkspace, "createWorkspace");
      Objects.requireNonNull(getWorkspace, "getWorkspace");
      Objects.requireNonNull(contacts, "contacts");
      Objects.requireNonNull(erasure, "erasure");
    }
  }

  /** Port of {@code GET /ready}: whether the application can serve requests now. */
  @FunctionalInterface
  public interface Readiness {

    /** Empty when ready; otherwise why not, in words that any client may read. */
    Optional<String> notReadyReason();
  }

  /**
   * The API, configured and unstarted: call {@code start(host, port)} and, to shut down,
   * {@code stop()} (requests in flight get {@link #STOP_TIMEOUT} to finish).
   *
   * @param maxRequestBytes the largest request body accepted; larger ones get a 413 problem
   */
  public static Javalin create(UseCases useCases, Readiness readiness, long maxRequestBytes) {
    Objects.requireNonNull(useCases, "useCases");
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
      new WorkspaceRoutes(useCases.createWorkspace(), useCases.getWorkspace()).addTo(config);
      new ContactRoutes(useCases.contacts()).addTo(config);
      new ErasureRoutes(useCases.erasure()).addTo(config);
    });
  }
}
