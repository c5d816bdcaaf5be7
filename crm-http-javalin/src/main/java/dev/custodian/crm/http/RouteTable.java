package dev.custodian.crm.http;

import dev.custodian.crm.core.common.paging.ListOffer;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP adapter: the one table every route is registered through, with its access (SEC-08), its
 * request and response types and its success status. The access filter reads a request's access
 * from it, and the OpenAPI document is generated from it, so the three cannot drift apart.
 */
public final class RouteTable {

  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final Map<String, Long> uploads = new LinkedHashMap<>();

  /** Starts an entry; {@link Builder#handle} adds it. */
  public Builder route(HandlerType method, String path) {
    return new Builder(method, path);
  }

  public Builder get(String path) {
    return route(HandlerType.GET, path);
  }

  public Builder post(String path) {
    return route(HandlerType.POST, path);
  }

  public Builder patch(String path) {
    return route(HandlerType.PATCH, path);
  }

  public Builder delete(String path) {
    return route(HandlerType.DELETE, path);
  }

  /** Every entry, in the order declared. */
  public List<Route> routes() {
    return List.copyOf(routes.values());
  }

  /** The entry of {@code METHOD /path} ({@code path} the template, as the router matched it). */
  public Optional<Route> find(HandlerType method, String path) {
    return Optional.ofNullable(routes.get(method.name() + " " + path));
  }

  /**
   * The routes that take an upload larger than the server's request limit, by key
   * ({@code METHOD /path}), with the most bytes each reads (the edge lets a declared length up to
   * it through; the handler counts what it reads).
   */
  public Map<String, Long> uploads() {
    return Map.copyOf(uploads);
  }

  private void add(Route route) {
    if (routes.putIfAbsent(route.key(), route) != null) {
      throw new IllegalStateException("the route " + route.key() + " is declared twice");
    }
  }

  /** One entry being declared. */
  public final class Builder {

    private final HandlerType method;
    private final String path;
    private Access access;
    private String operationId;
    private String summary;
    private Class<?> requestBody;
    private String requestMediaType = "application/json";
    private int status = 200;
    private Class<?> response;
    private ListOffer list;
    private ListOffer filters;
    private final List<Route.QueryParameter> query = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();
    private Route.Export export;

    private Builder(HandlerType method, String path) {
      this.method = Objects.requireNonNull(method, "method");
      this.path = Objects.requireNonNull(path, "path");
    }

    /** Who may call it; required. */
    public Builder access(Access access) {
      this.access = Objects.requireNonNull(access, "access");
      return this;
    }

    /** Its OpenAPI operationId (unique, camelCase) and one-line summary. */
    public Builder describe(String operationId, String summary) {
      this.operationId = Objects.requireNonNull(operationId, "operationId");
      this.summary = Objects.requireNonNull(summary, "summary");
      return this;
    }

    /** The record its JSON body binds to. */
    public Builder request(Class<?> type) {
      this.requestBody = Objects.requireNonNull(type, "type");
      return this;
    }

    /** The record its JSON merge patch body may hold (sent as {@code application/merge-patch+json}). */
    public Builder mergePatch(Class<?> type) {
      this.requestMediaType = "application/merge-patch+json";
      return request(type);
    }

    /**
     * Its body is a stream of {@code mediaType} (no JSON record), of at most {@code maxBytes},
     * which its handler reads as it arrives.
     */
    public Builder upload(String mediaType, long maxBytes) {
      this.requestMediaType = Objects.requireNonNull(mediaType, "mediaType");
      uploads.put(method.name() + " " + path, maxBytes);
      return this;
    }

    /** A request header it reads. */
    public Builder header(String name) {
      headers.add(Objects.requireNonNull(name, "name"));
      return this;
    }

    /** Its success status and the record it answers ({@code null}: no body). */
    public Builder responds(int status, Class<?> type) {
      this.status = status;
      this.response = type;
      return this;
    }

    /**
     * Answers a page of {@code item}s (200) and reads the list grammar's query parameters as
     * {@code offer} allows them (its handler parses them with the same offer).
     */
    public Builder respondsPage(Class<?> item, ListOffer offer) {
      this.list = Objects.requireNonNull(offer, "offer");
      return responds(200, item);
    }

    /**
     * Reads the filters (only) of the list grammar as {@code offer} allows them, for an aggregate
     * over that list's rows (its handler parses them with {@code ListQuery.filtersOf} and the same
     * offer).
     */
    public Builder filters(ListOffer offer) {
      this.filters = Objects.requireNonNull(offer, "offer");
      return this;
    }

    /**
     * Streams the rows of the list {@code offer} allows (its filters, sort and search; no page) as a
     * file in one of {@code formats} (media type by {@code format} value), chosen by {@code format};
     * {@code sensitive}: it reads {@code includeSensitive}.
     */
    public Builder exports(ListOffer offer, java.util.Map<String, String> formats, boolean sensitive) {
      this.export = new Route.Export(offer, formats, sensitive);
      return this;
    }

    /** An optional query parameter holding an id, outside the list grammar. */
    public Builder queryId(String name, String description) {
      query.add(new Route.QueryParameter(name, description));
      return this;
    }

    /** An optional query parameter holding a text (such as a key), outside the list grammar. */
    public Builder queryText(String name, String description) {
      query.add(new Route.QueryParameter(name, description, null));
      return this;
    }

    /** Adds the entry with its handler. */
    public void handle(Handler handler) {
      add(new Route(method, path, access, operationId != null ? operationId : method.name().toLowerCase() + path,
          summary != null ? summary : "", requestBody, requestMediaType, status, response, list, filters, query, headers, export, handler));
    }
  }
}
