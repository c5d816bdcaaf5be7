package dev.custodian.crm.privacy.crypto;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.account.PasswordHash;
import dev.custodian.crm.core.account.port.out.PasswordHasher;
import dev.custodian.crm.core.common.error.BusyException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Password hasher: Argon2id (RFC 9106) through argon2-jvm's bundled reference implementation, at
 * no less than OWASP's minimum (19 MiB, 2 iterations, parallelism 1). Every hash is encoded with
 * its parameters and salt ({@code $argon2id$v=19$m=...,t=...,p=...$<salt>$<hash>}), so hashes
 * made before a change of settings still verify.
 *
 * <p>Each hash takes its memory and a core for tens of milliseconds, so at most
 * {@code maxConcurrent} run at once (a fair semaphore); a caller waits up to {@code maxWait} for a
 * slot and then gets a {@link BusyException} instead of piling more work onto a busy server.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

  public static final int MIN_MEMORY_KIB = 19_456;
  public static final int MIN_ITERATIONS = 2;
  public static final int MIN_PARALLELISM = 1;
  /** The longest a caller waits for a slot; configuration may shorten it, never lengthen it. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(10);

  /** The native calls, a seam so a test can count how many run at once. */
  interface Engine {
    String hash(int iterations, int memoryKib, int parallelism, char[] password);

    boolean verify(String encoded, char[] password);
  }

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final Semaphore slots;
  private final Duration maxWait;
  private final Engine engine;

  /** The defaults: 19456 KiB, 2 iterations, parallelism 1, one hash per available processor. */
  public Argon2PasswordHasher() {
    this(MIN_MEMORY_KIB, MIN_ITERATIONS, MIN_PARALLELISM, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @throws IllegalArgumentException when a parameter is below its minimum or
   *     {@code maxConcurrent} is below 1
   */
  public Argon2PasswordHasher(int memoryKib, int iterations, int parallelism, int maxConcurrent) {
    this(memoryKib, iterations, parallelism, maxConcurrent, MAX_WAIT);
  }

  /**
   * @param maxWait how long a caller waits for a free slot, more than zero and at most
   *     {@link #MAX_WAIT}
   * @throws IllegalArgumentException when a parameter is out of its range
   */
  public Argon2PasswordHasher(int memoryKib, int iterations, int parallelism, int maxConcurrent,
      Duration maxWait) {
    this(memoryKib, iterations, parallelism, maxConcurrent, maxWait, nativeEngine());
  }

  Argon2PasswordHasher(int memoryKib, int iterations, int parallelism, int maxConcurrent,
      Duration maxWait, Engine engine) {
    requireAtLeast("memory (KiB)", memoryKib, MIN_MEMORY_KIB);
    requireAtLeast("iterations", iterations, MIN_ITERATIONS);
    requireAtLeast("parallelism", parallelism, MIN_PARALLELISM);
    requireAtLeast("maximum concurrent hashes", maxConcurrent, 1);
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative() || maxWait.isZero() || maxWait.compareTo(MAX_WAIT) > 0) {
      throw new IllegalArgumentException("the wait for a hashing slot must be more than 0 and at most " + MAX_WAIT);
    }
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.slots = new Semaphore(maxConcurrent, true);
    this.maxWait = maxWait;
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  @Override
  public PasswordHash hash(Password password) {
    Objects.requireNonNull(password, "password");
    return new PasswordHash(inSlot(() -> password.apply(chars -> engine.hash(iterations, memoryKib, parallelism, chars))));
  }

  @Override
  public boolean verify(Password password, PasswordHash hash) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(hash, "hash");
    return inSlot(() -> password.apply(chars -> engine.verify(hash.encoded(), chars)));
  }

  /** True unless the hash is Argon2id, version 19, with exactly this hasher's parameters. */
  @Override
  public boolean needsRehash(PasswordHash hash) {
    Objects.requireNonNull(hash, "hash");
    String current = "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$";
    return !hash.encoded().startsWith(current);
  }

  private <T> T inSlot(java.util.function.Supplier<T> work) {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to hash a password", e);
    }
    if (!acquired) {
      throw new BusyException("too many passwords are being checked at once; try again shortly",
          (int) Math.max(1, (maxWait.toMillis() + 999) / 1000));
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }

  private static void requireAtLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException("Argon2 " + name + " must be at least " + minimum);
    }
  }

  static Engine nativeEngine() {
    // Salt 16 bytes, hash 32 bytes: argon2-jvm's defaults, as RFC 9106 recommends.
    Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    return new Engine() {
      @Override
      public String hash(int iterations, int memoryKib, int parallelism, char[] password) {
        return argon2.hash(iterations, memoryKib, parallelism, password, StandardCharsets.UTF_8);
      }

      @Override
      public boolean verify(String encoded, char[] password) {
        return argon2.verify(encoded, password, StandardCharsets.UTF_8);
      }
    };
  }

  @Override
  public String toString() {
    return "Argon2PasswordHasher[m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "]";
  }
}
