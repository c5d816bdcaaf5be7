package dev.custodian.crm.core.datamap;

import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How long a class of data is kept: until a trigger, then a period. {@code event} names what a
 * {@link Trigger#TIME_SINCE_EVENT} rule counts from (e.g. {@code window_end}).
 */
public record RetentionRule(Trigger trigger, Period period, Optional<String> event) {

  /** What starts a class's retention period. */
  public enum Trigger {
    /** The workspace it belongs to ended (purged at the end of its read-only window). */
    WORKSPACE_ENDED,
    /** The account it belongs to ended. */
    ACCOUNT_ENDED,
    /** An event of the row itself (its expiry, its window's end). */
    TIME_SINCE_EVENT,
    /** Kept as long as the system runs. */
    SYSTEM_LIFETIME
  }

  private static final Pattern EVENT = Pattern.compile("[a-z][a-z_]{0,63}");

  public RetentionRule {
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(event, "event");
    if (period.isNegative()) {
      throw new IllegalArgumentException("a retention period is not negative");
    }
    if (event.isPresent() != (trigger == Trigger.TIME_SINCE_EVENT)) {
      throw new IllegalArgumentException("a time-since-event rule, and only it, names its event");
    }
    event.ifPresent(e -> {
      if (!EVENT.matcher(e).matches()) {
        throw new IllegalArgumentException("an event is named in lower case, e.g. expires_at");
      }
    });
    if (trigger == Trigger.SYSTEM_LIFETIME && !period.isZero()) {
      throw new IllegalArgumentException("a system-lifetime rule has no period");
    }
  }

  public static RetentionRule afterWorkspaceEnds(Period period) {
    return new RetentionRule(Trigger.WORKSPACE_ENDED, period, Optional.empty());
  }

  public static RetentionRule afterAccountEnds(Period period) {
    return new RetentionRule(Trigger.ACCOUNT_ENDED, period, Optional.empty());
  }

  public static RetentionRule sinceEvent(String event, Period period) {
    return new RetentionRule(Trigger.TIME_SINCE_EVENT, period, Optional.of(event));
  }

  public static RetentionRule systemLifetime() {
    return new RetentionRule(Trigger.SYSTEM_LIFETIME, Period.ZERO, Optional.empty());
  }

  /** The rule in words, e.g. "30 days after its workspace ends". */
  public String describe() {
    return switch (trigger) {
      case WORKSPACE_ENDED -> words(period) + " after its workspace ends";
      case ACCOUNT_ENDED -> words(period) + " after its account ends";
      case TIME_SINCE_EVENT -> words(period) + " after its " + event.orElseThrow().replace('_', ' ');
      case SYSTEM_LIFETIME -> "as long as the system runs";
    };
  }

  private static String words(Period period) {
    if (period.isZero()) {
      return "at once";
    }
    StringBuilder text = new StringBuilder();
    append(text, period.getYears(), "year");
    append(text, period.getMonths(), "month");
    append(text, period.getDays(), "day");
    return text.toString();
  }

  private static void append(StringBuilder text, int amount, String unit) {
    if (amount != 0) {
      text.append(text.isEmpty() ? "" : " ").append(amount).append(' ').append(unit).append(amount == 1 ? "" : "s");
    }
  }
}
