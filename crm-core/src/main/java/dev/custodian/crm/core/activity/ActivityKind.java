package dev.custodian.crm.core.activity;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Locale;

/** What kind of thing happened; only calls and meetings have a duration. */
public enum ActivityKind {
  NOTE,
  CALL,
  MEETING,
  EMAIL;

  public boolean hasDuration() {
    return this == CALL || this == MEETING;
  }

  /** The kind named in any case ({@code note}, {@code call}, {@code meeting}, {@code email}). */
  public static ActivityKind parse(String raw) {
    for (ActivityKind kind : values()) {
      if (kind.name().equalsIgnoreCase(raw.strip())) {
        return kind;
      }
    }
    throw new InvalidValueException("must be one of note, call, meeting, email");
  }

  /** Its name in the API: lower case, as the list's {@code kind} filter takes it. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
