package dev.custodian.crm.http.problem;

/**
 * HTTP adapter: every problem type the API answers with, its status and title. The {@code type}
 * URI is relative ({@code /problems/<name>}) and each one is documented in the README.
 */
public enum ProblemType {
  VALIDATION("validation", 400, "Invalid input"),
  MALFORMED_JSON("malformed-json", 400, "Malformed JSON"),
  FORBIDDEN("forbidden", 403, "Forbidden"),
  NOT_FOUND("not-found", 404, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
  DUPLICATE("duplicate", 409, "Duplicate"),
  SUPPRESSED("suppressed", 409, "Suppressed"),
  PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed"),
  PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
  PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required"),
  INTERNAL_ERROR("internal-error", 500, "Internal error"),
  NOT_READY("not-ready", 503, "Not ready"),
  UNAVAILABLE("unavailable", 503, "Unavailable"),
  /** Any other HTTP error raised by the framework; it carries the framework's status. */
  HTTP_ERROR("http-error", 0, "HTTP error");

  private final String uri;
  private final int status;
  private final String title;

  ProblemType(String name, int status, String title) {
    this.uri = "/problems/" + name;
    this.status = status;
    this.title = title;
  }

  /** The relative URI sent as the problem's {@code type}. */
  public String uri() {
    return uri;
  }

  /** The HTTP status; 0 for {@link #HTTP_ERROR}, whose status varies. */
  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
