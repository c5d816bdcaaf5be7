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

  /** Deletes every entry whose window has ended by {@code now}; returns how many went. */
  int purgeEnded(Instant now);
}
