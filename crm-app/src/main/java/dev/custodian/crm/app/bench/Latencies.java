package dev.custodian.crm.app.bench;

import java.util.Arrays;

/** Request times in nanoseconds, kept whole (no histogram buckets) so percentiles are exact. */
final class Latencies {

  private long[] nanos = new long[1024];
  private int size;

  void add(long value) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = value;
  }

  void addAll(Latencies other) {
    if (size + other.size > nanos.length) {
      nanos = Arrays.copyOf(nanos, Math.max(size + other.size, size * 2));
    }
    System.arraycopy(other.nanos, 0, nanos, size, other.size);
    size += other.size;
  }

  int count() {
    return size;
  }

  /** The {@code p}-th percentile (0 to 100, nearest rank) in milliseconds; 0 when empty. */
  double percentileMillis(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }
}
