package dev.custodian.crm.http;

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
 * @param paged true when the answer is a page of {@code response} items ({@code items},
 *     {@code nextCursor}) and the route reads {@code limit} and {@code cursor}
 * @param headers request headers the route reads (e.g. {@code If-Match})
 */
public record Route(HandlerType method, String path, Access access, String operationId, String summary,
    Class<?> requestBody, String requestMediaType, int status, Class<?> response, boolean paged,
    List<String> headers, Handler handler) {

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(requestMediaType, "requestMediaType");
    headers = List.copyOf(headers);
    Objects.requireNonNull(handler, "handler");
  }

  /** {@code METHOD /path}, as the router and the README name it. */
  public String key() {
    return method.name() + " " + path;
  }
}
