package dev.custodian.crm.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of the retention job, read and checked once with the rest of {@link AppConfig}:
 * a bad value stops the start with one line naming the variable.
 *
 * @param enabled whether the server runs the job ({@code CRM_RETENTION_ENABLED}, default true)
 * @param interval how often it runs ({@code CRM_RETENTION_INTERVAL}, default one hour, at most
 *     RET-03's bound of 24 hours)
 * @param batchSize rows the retention engine deletes per transaction ({@code CRM_RETENTION_BATCH_SIZE},
 *     default 1000, from 1 to 100000)
 */
public record RetentionConfig(boolean enabled, Duration interval, int batchSize) {

  public static final String ENABLED = "CRM_RETENTION_ENABLED";
  public static final String INTERVAL = "CRM_RETENTION_INTERVAL";
  public static final String BATCH_SIZE = "CRM_RETENTION_BATCH_SIZE";

  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
  /** RET-03: a due purge runs within 24 hours. */
  public static final Duration MAX_INTERVAL = Duration.ofHours(24);
  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  public static final int DEFAULT_BATCH_SIZE = 1000;
  static final int MAX_BATCH_SIZE = 100_000;

  public static final RetentionConfig DEFAULT = new RetentionConfig(true, DEFAULT_INTERVAL, DEFAULT_BATCH_SIZE);

  static RetentionConfig fromEnvironment(Map<String, String> env) {
    boolean enabled = value(env, ENABLED).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(ENABLED + " must be true or false");
    }).orElse(true);
    Duration interval = value(env, INTERVAL).map(v -> {
      try {
        Duration d = Duration.parse(v);
        if (d.compareTo(MIN_INTERVAL) >= 0 && d.compareTo(MAX_INTERVAL) <= 0) {
          return d;
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      throw new ConfigException(INTERVAL + " must be an ISO-8601 duration from " + MIN_INTERVAL + " to "
          + MAX_INTERVAL + ", e.g. " + DEFAULT_INTERVAL);
    }).orElse(DEFAULT_INTERVAL);
    int batchSize = value(env, BATCH_SIZE).map(v -> {
      try {
        int n = Integer.parseInt(v);
        if (n >= 1 && n <= MAX_BATCH_SIZE) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ConfigException(BATCH_SIZE + " must be a whole number from 1 to " + MAX_BATCH_SIZE + ", e.g. "
          + DEFAULT_BATCH_SIZE);
    }).orElse(DEFAULT_BATCH_SIZE);
    return new RetentionConfig(enabled, interval, batchSize);
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }
}
