package dev.custodian.crm.core.throttle.port.out;

import java.time.Instant;

/**
 * Out-port: throttle counts, one per opaque keyed hash and window. It never sees the value a hash
 * was made from. Like every repository it joins the open transaction (platform-level: no
 * workspace), and fails with {@link IllegalStateException} when none is open.
 */
public interface ThrottleRepository {

  /**
   * Counts one hit for {@code keyedHash} and returns the count of its current window, this hit
   * included. An entry whose window has ended by {@code now} starts again, at 1, as the window
   * {@code [windowStart, windowEnd)}; otherwise its count goes up by one. Atomic, also across
   * processes sharing the store: concurrent hits on one hash each get a distinct count.
   */
  int hit(String keyedHash, Instant windowStart, Instant windowEnd, Instant now);

  /** The count of {@code keyedHash}'s window that holds {@code now}; 0 when it has none. */
  int hits(String keyedHash, Instant now);

  /**
   * Takes back one hit of {@code keyedHash}'s window that holds {@code now} (a reserved attempt that
   * turned out not to count); never below 0, and nothing for an entry whose window has ended.
   */
  void release(String keyedHash, Instant now);

  /** Deletes the entry of {@code keyedHash}, if any, so its count starts again. */
  void clear(String keyedHash);

  /** Deletes every entry whose window has ended by {@code now}; returns how many went. */
  int purgeEnded(Instant now);
}
