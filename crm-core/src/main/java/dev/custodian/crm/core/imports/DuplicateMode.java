package dev.custodian.crm.core.imports;

import java.util.Locale;
import java.util.Optional;

/**
 * What an import does with a row whose contact (by normalised email) or company (by domain) is
 * already stored, or came earlier in the file.
 */
public enum DuplicateMode {
  /** Counted as skipped; the stored record stays as it is. */
  SKIP,
  /** The row's non-empty cells overwrite the stored record's fields. */
  UPDATE,
  /** Counted as failed, with an error row {@code duplicate}. */
  FAIL;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<DuplicateMode> fromApiName(String name) {
    for (DuplicateMode mode : values()) {
      if (mode.apiName().equals(name)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
