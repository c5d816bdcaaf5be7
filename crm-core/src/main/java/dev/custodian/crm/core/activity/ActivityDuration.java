package dev.custodian.crm.core.activity;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** How long a call or meeting took: whole seconds, from zero to 24 hours; ISO-8601 ({@code PT45M}) in the API. */
public record ActivityDuration(Duration value) {

  public static final Duration MAX = Duration.ofHours(24);

  public ActivityDuration {
    Objects.requireNonNull(value, "value");
    if (value.isNegative() || value.compareTo(MAX) > 0) {
      throw new InvalidValueException("must be from PT0S to PT24H");
    }
    if (value.getNano() != 0) {
      throw new InvalidValueException("must be whole seconds");
    }
  }

  /** Reads an ISO-8601 duration such as {@code PT1H30M}. */
  public static ActivityDuration parse(String text) {
    try {
      return new ActivityDuration(Duration.parse(text));
    } catch (DateTimeParseException e) {
      throw new InvalidValueException("must be an ISO-8601 duration, e.g. PT45M");
    }
  }

  public static ActivityDuration ofSeconds(long seconds) {
    return new ActivityDuration(Duration.ofSeconds(seconds));
  }

  /** As the API writes it, e.g. {@code PT45M}. */
  @Override
  public String toString() {
    return value.toString();
  }
}
