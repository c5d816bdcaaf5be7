package dev.custodian.crm.core.link;

import dev.custodian.crm.core.common.paging.ValueType;
import java.time.Instant;

/** How activities and tasks read an instant given as text: ISO-8601 with an offset, years 1 to 9999. */
public final class Times {

  private Times() {}

  /** @throws dev.custodian.crm.core.common.error.InvalidValueException when it is no such instant */
  public static Instant instant(String text) {
    return (Instant) ValueType.INSTANT.parse(text);
  }
}
