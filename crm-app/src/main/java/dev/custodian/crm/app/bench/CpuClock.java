package dev.custodian.crm.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the JVM less the load generator's: the process's CPU time (every thread, GC and JIT
 * included) minus that of the threads that send the requests (the bench's own and the JDK
 * HttpClient's), so what is left is the server's (or the ceiling's) share of the work.
 */
final class CpuClock {

  /** Prefixes of the load generator's thread names: ours, and the JDK HttpClient's selector and workers. */
  static final String LOAD_THREADS = "bench-load-";
  private static final String HTTP_CLIENT_THREADS = "HttpClient-";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** CPU times at one instant: the process's, and each live load-generator thread's by id. */
  record Sample(long processNanos, Map<Long, Long> loadThreadNanos) {}

  private CpuClock() {}

  static Sample sample() {
    Map<Long, Long> load = new HashMap<>();
    for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (thread != null && (thread.getThreadName().startsWith(LOAD_THREADS)
          || thread.getThreadName().startsWith(HTTP_CLIENT_THREADS))) {
        long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
        if (cpu >= 0) {
          load.put(thread.getThreadId(), cpu);
        }
      }
    }
    return new Sample(PROCESS.getProcessCpuTime(), load);
  }

  /**
   * The process's CPU time between two samples less the load generator's. A load thread that
   * ended in between is not seen at {@code to}: the caller keeps its own threads alive until then.
   */
  static long serverNanos(Sample from, Sample to) {
    long load = 0;
    for (Map.Entry<Long, Long> thread : to.loadThreadNanos().entrySet()) {
      load += thread.getValue() - from.loadThreadNanos().getOrDefault(thread.getKey(), 0L);
    }
    return Math.max(0, to.processNanos() - from.processNanos() - load);
  }
}
