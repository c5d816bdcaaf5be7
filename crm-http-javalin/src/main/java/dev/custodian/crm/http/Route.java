package dev.custodian.crm.http;

import dev.custodian.crm.core.common.paging.ListOffer;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;

/**
 * HTTP adapter: one entry of the route table: where it is, who may call it, what it reads and
 * answers (for the OpenAPI document), and its handler.
 *
 * @param access {@code null} only while being declared; {@link HttpApi#create} refuses it
 * @param requestBody the record the JSON body binds to; {@code null} for none
 * @param requestMediaType the body's media type
 * @param response the record answered; {@code null} for no body
 * @param list for a list route, what its query offers (the answer is then a page of
 *     {@code response} items, {@code items} and {@code nextCursor}, and the route reads the list
 *     grammar's query parameters); {@code null} for any other route
 * @param filters for an aggregate over a list's rows, the offer whose filters (only) it reads;
 *     {@code null} for any other route
 * @param query other query parameters it reads (e.g. {@code moveDealsTo})
 * @param headers request headers the route reads (e.g. {@code If-Match})
 * @param export for a list's export, what its query offers (it reads the list grammar without
 *     {@code limit} and {@code cursor}, plus {@code format} and {@code includeSensitive}) and the
 *     media types it answers in; {@code null} for any other route
 */
public record Route(HandlerType method, String path, Access access, String operationId, String summary,
    Class<?> requestBody, String requestMediaType, int status, Class<?> response, ListOffer list,
    ListOffer filters, List<QueryParameter> query, List<String> headers, Export export, Handler handler) {

  /**
   * A list export's query offer, the media types it answers in by {@code format} value, and
   * whether it reads {@code includeSensitive} (a list with custom fields).
   */
  public record Export(ListOffer offer, java.util.Map<String, String> formats, boolean sensitive) {

    public Export {
      Objects.requireNonNull(offer, "offer");
      formats = java.util.Map.copyOf(formats);
    }
  }

  /** A query parameter outside the list grammar: an optional id, or (with no format) an optional text. */
  public record QueryParameter(String name, String description, String format) {

    public QueryParameter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
    }

    /** An id ({@code uuid}). */
    public QueryParameter(String name, String description) {
      this(name, description, "uuid");
    }
  }

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(requestMediaType, "requestMediaType");
    query = List.copyOf(query);
    headers = List.copyOf(headers);
    Objects.requireNonNull(handler, "handler");
  }

  /** True for a list route, which answers a page. */
  public boolean paged() {
    return list != null;
  }

  /** {@code METHOD /path}, as the router and the README name it. */
  public String key() {
    return method.name() + " " + path;
  }
}
