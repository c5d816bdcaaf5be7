package dev.custodian.crm.http.problem;

import java.util.Map;

/**
 * The headers every answer carries, a route's and the web server's own refusals alike. The API
 * serves no page: nothing it sends may be read as another type, load a script, style, image or
 * frame from anywhere, or be framed (TEL-04: no third-party script can load from an answer).
 */
public final class AnswerHeaders {

  /** Each header's name and value. */
  public static final Map<String, String> ALL = Map.of(
      "X-Content-Type-Options", "nosniff",
      "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

  private AnswerHeaders() {}
}
