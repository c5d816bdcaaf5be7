package dev.custodian.crm.http.problem;

/**
 * HTTP adapter: every problem type the API answers with, its status and title. The {@code type}
 * URI is relative ({@code /problems/<name>}) and each one is documented in the README.
 */
public enum ProblemType {
  VALIDATION("validation", 400, "Invalid input"),
  MALFORMED_JSON("malformed-json", 400, "Malformed JSON"),
  BAD_REQUEST("bad-request", 400, "Bad request"),
  INVALID_TOKEN("invalid-token", 400, "Invalid token"),
  UNAUTHENTICATED("unauthenticated", 401, "Unauthenticated"),
  FORBIDDEN("forbidden", 403, "Forbidden"),
  EMAIL_NOT_VERIFIED("email-not-verified", 403, "Email not verified"),
  REAUTHENTICATION_FAILED("reauthentication-failed", 403, "Reauthentication failed"),
  /** An unsafe request from another origin, or one that names none (the adapter's CSRF check). */
  CROSS_ORIGIN("cross-origin", 403, "Cross-origin request refused"),
  NOT_FOUND("not-found", 404, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
  DUPLICATE("duplicate", 409, "Duplicate"),
  SUPPRESSED("suppressed", 409, "Suppressed"),
  RESTRICTED("restricted", 409, "Restricted"),
  LAST_OWNER("last-owner", 409, "Last owner"),
  IN_USE("in-use", 409, "In use"),
  LIMIT_REACHED("limit-reached", 409, "Limit reached"),
  CONSENT_REQUIRED("consent-required", 409, "Consent required"),
  INVALID_STATE("invalid-state", 409, "Invalid state"),
  WORKSPACE_CANCELLED("workspace-cancelled", 409, "Workspace cancelled"),
  REQUEST_TIMEOUT("request-timeout", 408, "Request timeout"),
  PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed"),
  PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
  URI_TOO_LONG("uri-too-long", 414, "URI too long"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
  MISDIRECTED_REQUEST("misdirected-request", 421, "Misdirected request"),
  PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required"),
  RATE_LIMITED("rate-limited", 429, "Rate limited"),
  HEADERS_TOO_LARGE("headers-too-large", 431, "Request headers too large"),
  INTERNAL_ERROR("internal-error", 500, "Internal error"),
  NOT_READY("not-ready", 503, "Not ready"),
  UNAVAILABLE("unavailable", 503, "Unavailable"),
  BUSY("busy", 503, "Busy"),
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
