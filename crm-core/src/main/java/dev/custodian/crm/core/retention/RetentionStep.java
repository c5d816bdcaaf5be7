package dev.custodian.crm.core.retention;

import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditTargetType;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step of the retention engine: a store's table (or collection) and the data-map class its
 * rows belong to. A workspace's purge deletes its steps child first; an expiry step deletes the
 * rows whose own time has passed. A workspace expiry step may declare the entry the engine appends
 * to the workspace's chain for each row it deletes ({@link #audited()}); without one its rows go
 * counted in the run alone.
 */
public record RetentionStep(String table, String dataClass, Optional<Audited> audited) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  /**
   * The entry appended for each row a workspace expiry step deletes: {@code action} (actor SYSTEM,
   * reason {@code EXPIRED}) about the row as a {@code targetType}, in the deleting transaction.
   */
  public record Audited(AuditAction action, AuditTargetType targetType) {
    public Audited {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(targetType, "targetType");
    }
  }

  public RetentionStep {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(dataClass, "dataClass");
    Objects.requireNonNull(audited, "audited");
    if (!NAME.matcher(table).matches() || !NAME.matcher(dataClass).matches()) {
      throw new IllegalArgumentException("a step names a table and a class in lower case");
    }
  }

  /** A step whose deletions are counted in the run alone. */
  public RetentionStep(String table, String dataClass) {
    this(table, dataClass, Optional.empty());
  }

  /** This step, appending {@code action} about each row it deletes, as a {@code targetType}. */
  public RetentionStep audited(AuditAction action, AuditTargetType targetType) {
    return new RetentionStep(table, dataClass, Optional.of(new Audited(action, targetType)));
  }
}
