package dev.custodian.crm.core.throttle.service;

import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.throttle.ThrottleKey;
import dev.custodian.crm.core.throttle.port.out.ThrottleHasher;
import dev.custodian.crm.core.throttle.port.out.ThrottleRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The one throttle (SEC-07) that use cases call before their own work: at most {@code limit} hits
 * per key in each window, then {@link RateLimitedException} until the window ends.
 *
 * <p>Windows are fixed and aligned on the epoch ({@code [k * window, (k + 1) * window)}), so every
 * server instance computes the same window without talking to the others, and one database row per
 * key is enough; the price is that a burst across a window boundary may get up to twice the limit.
 *
 * <p>Call {@link #check} before the use case opens its transaction: the hits are written and
 * committed in a platform transaction of their own, and only then is the refusal thrown, so a
 * refused request still counts. Nested in an open transaction, the hits would join it and could be
 * rolled back with it.
 */
public final class Throttle {

  /** Hits allowed per key and window, by default. */
  public static final int DEFAULT_LIMIT = 5;

  /** The window's length by default. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  /** The longest window: a promised bound has a maximum, so operators and tests can shorten it. */
  public static final Duration MAX_WINDOW = Duration.ofHours(24);

  /** The shortest window, so that a retry-after in whole seconds still means something. */
  public static final Duration MIN_WINDOW = Duration.ofSeconds(1);

  private final Transactions transactions;
  private final ThrottleRepository entries;
  private final ThrottleHasher hasher;
  private final Clock clock;
  private final int limit;
  private final long windowMillis;

  /** A throttle of {@value #DEFAULT_LIMIT} hits per key in windows of 15 minutes. */
  public Throttle(Transactions transactions, ThrottleRepository entries, ThrottleHasher hasher, Clock clock) {
    this(transactions, entries, hasher, clock, DEFAULT_LIMIT, DEFAULT_WINDOW);
  }

  /**
   * @param limit hits allowed per key and window, at least 1
   * @param window from {@link #MIN_WINDOW} to {@link #MAX_WINDOW}, in whole milliseconds
   */
  public Throttle(Transactions transactions, ThrottleRepository entries, ThrottleHasher hasher, Clock clock,
      int limit, Duration window) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.entries = Objects.requireNonNull(entries, "entries");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(window, "window");
    if (limit < 1) {
      throw new IllegalArgumentException("the throttle limit must be at least 1");
    }
    if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0 || window.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException("the throttle window must be whole milliseconds from PT1S to PT24H");
    }
    this.limit = limit;
    this.windowMillis = window.toMillis();
  }

  public int limit() {
    return limit;
  }

  public Duration window() {
    return Duration.ofMillis(windowMillis);
  }

  /**
   * Counts one hit on every key (all of them, so a caller refused for one key still uses up the
   * others), then refuses if any key is over the limit in the current window.
   *
   * @throws RateLimitedException with the whole seconds (at least 1) until the window ends
   */
  public void check(ThrottleKey... keys) {
    SortedSet<String> hashes = hashes(keys);
    Instant now = clock.instant();
    Instant windowStart = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
    Instant windowEnd = windowStart.plusMillis(windowMillis);
    int highest = transactions.inPlatform(() -> {
      int max = 0;
      for (String hash : hashes) {
        max = Math.max(max, entries.hit(hash, windowStart, windowEnd, now));
      }
      return max;
    });
    // Thrown after the commit: the refused request's hits stay counted.
    if (highest > limit) {
      throw new RateLimitedException(retryAfterSeconds(now, windowEnd));
    }
  }

  /**
   * Takes back the hit {@link #check} counted on each key, for an attempt that turned out not to
   * count (a sign-in whose password was right): limits on failures reserve a hit before the
   * attempt, so that parallel attempts cannot all pass before any is counted, and release it after.
   * In a platform transaction of its own.
   */
  public void release(ThrottleKey... keys) {
    SortedSet<String> hashes = hashes(keys);
    Instant now = clock.instant();
    transactions.inPlatform(() -> {
      hashes.forEach(hash -> entries.release(hash, now));
      return null;
    });
  }

  /** Forgets the count of one key (a sign-in's success clears its account's failures). */
  public void clear(ThrottleKey key) {
    String hash = hasher.hash(Objects.requireNonNull(key, "key"));
    transactions.inPlatform(() -> {
      entries.clear(hash);
      return null;
    });
  }

  private SortedSet<String> hashes(ThrottleKey... keys) {
    Objects.requireNonNull(keys, "keys");
    if (keys.length == 0) {
      throw new IllegalArgumentException("a throttle check needs at least one key");
    }
    // Sorted and distinct: concurrent checks lock their rows in one order (no deadlock), and a
    // key given twice counts once.
    SortedSet<String> hashes = new TreeSet<>();
    for (ThrottleKey key : keys) {
      hashes.add(hasher.hash(Objects.requireNonNull(key, "key")));
    }
    return hashes;
  }

  /**
   * Deletes the entries of ended windows, in a platform transaction of its own; for a periodic job
   * (an ended entry never refuses anyone, so the purge only keeps the table small and the data
   * minimal). Returns how many went.
   */
  public int purgeEnded() {
    Instant now = clock.instant();
    return transactions.inPlatform(() -> entries.purgeEnded(now));
  }

  private static long retryAfterSeconds(Instant now, Instant windowEnd) {
    long millis = Duration.between(now, windowEnd).toMillis();
    return Math.max(1, (millis + 999) / 1000); // rounded up: retrying earlier would still be refused
  }
}
