package dev.custodian.crm.persistence.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the {@code timestamp with time zone} values jOOQ binds. */
public final class SqlTime {

  private SqlTime() {}

  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
