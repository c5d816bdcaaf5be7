package dev.custodian.crm.core.imports;

import java.util.Objects;

/**
 * Why a row failed: its line, the field (or {@code email} for a duplicate), and the reason, in the
 * validators' words, which never repeat a value.
 */
public record ImportError(long line, String field, String error) {

  /** The error of a row whose contact or company came earlier or is stored, in {@code fail} mode. */
  public static final String DUPLICATE = "duplicate";

  /** The error of a row with an identifier erased at the person's request (DSR-04). */
  public static final String SUPPRESSED = "suppressed";

  public ImportError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(error, "error");
  }
}
