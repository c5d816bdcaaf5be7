package dev.custodian.crm.core.activity;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What kind of thing happened; only calls and meetings have a duration. */
public enum ActivityKind {
  NOTE,
  CALL,
  MEETING,
  EMAIL;

  public boolean hasDuration() {
    return this == CALL || this == MEETING;
  }

  /** The kind as the API writes it ({@code NOTE}, ...). */
  public static ActivityKind parse(String text) {
    return Arrays.stream(values()).filter(k -> k.name().equals(text)).findFirst().orElseThrow(() ->
        new InvalidValueException("must be one of: "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
  }
}
