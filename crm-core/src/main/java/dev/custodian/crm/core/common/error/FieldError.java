package dev.custodian.crm.core.common.error;

import java.util.Objects;

/**
 * One rejected input: where it was given, its name, and why it was rejected (never the value).
 *
 * @param location whether the input is a field of the command, a parameter or a header
 * @param name the field, parameter or header name, e.g. {@code name} or {@code limit}; a field
 *     inside another is named by its path below the body, its segments joined with {@code /}
 *     (see {@link #path})
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

  /**
   * The name of a field inside others, e.g. {@code path("stages", 2, "name")} is
   * {@code stages/2/name} (over HTTP the pointer {@code #/stages/2/name}): a JSON pointer's
   * segments (RFC 6901), each with {@code ~} written {@code ~0} and {@code /} written {@code ~1}, so a
   * segment of the client's own (an unknown field's name) cannot pass for a path.
   */
  public static String path(Object... segments) {
    StringBuilder path = new StringBuilder();
    for (Object segment : segments) {
      if (path.length() > 0) {
        path.append('/');
      }
      path.append(String.valueOf(segment).replace("~", "~0").replace("/", "~1"));
    }
    return path.toString();
  }

  public static FieldError parameter(String name, String detail) {
    return new FieldError(Location.PARAMETER, name, detail);
  }

  public static FieldError header(String name, String detail) {
    return new FieldError(Location.HEADER, name, detail);
  }
}
