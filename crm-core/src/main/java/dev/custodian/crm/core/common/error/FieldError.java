package dev.custodian.crm.core.common.error;

import java.util.Objects;

/**
 * One rejected input: where it was given, its name, and why it was rejected (never the value).
 *
 * @param location whether the input is a field of the command, a parameter or a header
 * @param name the field, parameter or header name, e.g. {@code name} or {@code limit}
 * @param detail a human-readable reason that does not repeat the value
 */
public record FieldError(Location location, String name, String detail) {

  /** Where a rejected input was given. */
  public enum Location {
    /** A field of the command (a JSON body field over HTTP). */
    FIELD,
    /** A query or path parameter. */
    PARAMETER,
    /** A request header. */
    HEADER
  }

  public FieldError {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
  }

  public static FieldError field(String name, String detail) {
    return new FieldError(Location.FIELD, name, detail);
  }

  public static FieldError parameter(String name, String detail) {
    return new FieldError(Location.PARAMETER, name, detail);
  }

  public static FieldError header(String name, String detail) {
    return new FieldError(Location.HEADER, name, detail);
  }
}
