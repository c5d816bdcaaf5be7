package dev.custodian.crm.core.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Time at PostgreSQL's precision: microseconds. Every stored instant is truncated here, so the
 * in-memory fakes and the database order and compare them alike.
 */
public final class Timestamps {

  private Timestamps() {}

  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  public static Instant micros(Instant instant) {
    return instant.getNano() % 1_000 == 0 ? instant : instant.truncatedTo(ChronoUnit.MICROS); // most are already
  }
}
