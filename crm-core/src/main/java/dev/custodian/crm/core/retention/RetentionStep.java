package dev.custodian.crm.core.retention;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One step of the retention engine: a store's table (or collection) and the data-map class its
 * rows belong to. A workspace's purge deletes its steps child first; an expiry step deletes the
 * rows whose own time has passed.
 */
public record RetentionStep(String table, String dataClass) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  public RetentionStep {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(dataClass, "dataClass");
    if (!NAME.matcher(table).matches() || !NAME.matcher(dataClass).matches()) {
      throw new IllegalArgumentException("a step names a table and a class in lower case");
    }
  }
}
