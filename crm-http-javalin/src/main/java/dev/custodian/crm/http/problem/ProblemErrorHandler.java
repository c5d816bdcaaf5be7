package dev.custodian.crm.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP adapter: the web server's own error answers (a garbage request line, a URI or headers too
 * long, bad percent-encoding in the path, a negative {@code Content-Length}: everything refused
 * before a route runs) as {@code application/problem+json} instead of Jetty's HTML pages, with one
 * WARN line that never holds the request.
 */
public final class ProblemErrorHandler extends ErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

  private final ObjectMapper mapper;
  private final long maxRequestBytes;

  public ProblemErrorHandler(ObjectMapper mapper, long maxRequestBytes) {
    this.mapper = mapper;
    this.maxRequestBytes = maxRequestBytes;
  }

  /** A request that could not even be parsed: the connection answers this and closes. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    log.warn("Refused a malformed request: HTTP {}", status);
    fields.put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
    AnswerHeaders.ALL.forEach(fields::put);
    return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
  }

  /** An error raised while a parsed request was being handled, outside the routes' own table. */
  @Override
  protected void generateResponse(Request request, Response response, int status, String message,
      Throwable cause, Callback callback) {
    log.warn("Refused a request: HTTP {}", status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
    AnswerHeaders.ALL.forEach((name, value) -> response.getHeaders().put(new HttpField(name, value)));
    response.write(true, ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8)), callback);
  }

  private String body(int status) {
    try {
      return mapper.writeValueAsString(Problems.forStatus(status, maxRequestBytes));
    } catch (JsonProcessingException e) {
      return "{\"type\":\"/problems/http-error\",\"status\":" + status + "}";
    }
  }
}
