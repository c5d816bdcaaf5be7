package dev.custodian.crm.http.problem;

import java.util.Objects;

/**
 * HTTP adapter: a request refused at the edge, before any use case, for what it is rather than
 * what it asks (a charset that is not UTF-8, bytes that are not UTF-8, a foreign host, a body too
 * large or with too many members). Its detail is fixed text that never repeats the input.
 */
public final class RequestRefused extends RuntimeException {

  private final ProblemType type;
  private final int status;

  public RequestRefused(ProblemType type, String detail) {
    this(type, type.status(), detail);
  }

  public RequestRefused(ProblemType type, int status, String detail) {
    super(detail, null, false, false);
    this.type = Objects.requireNonNull(type, "type");
    this.status = status;
  }

  ProblemType type() {
    return type;
  }

  int status() {
    return status;
  }
}
