package dev.custodian.crm.app.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A closed-loop load generator: {@code connections} threads, each sending its next request as
 * soon as the previous one is answered, through one JDK {@link HttpClient} (HTTP/1.1, so one
 * connection per thread). A slice warms up first; only answers that complete inside the measured
 * window count, and the database counter and CPU are read at its edges.
 */
final class LoadGenerator {

  private final HttpClient http;

  LoadGenerator(HttpClient http) {
    this.http = http;
  }

  /** What one slice of one scenario measured. */
  record Slice(long errors, Latencies latencies, long windowNanos, long serverCpuNanos, long statements,
      long roundTrips) {}

  Slice run(Scenario scenario, int connections, Duration warmUp, Duration measured) throws InterruptedException {
    long measureFrom = System.nanoTime() + warmUp.toNanos();
    long stopAt = measureFrom + measured.toNanos();
    CountDownLatch sampled = new CountDownLatch(1);
    List<Worker> workers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Worker worker = new Worker(scenario, measureFrom, stopAt, sampled);
      Thread thread = new Thread(worker, CpuClock.LOAD_THREADS + i);
      thread.setDaemon(true);
      workers.add(worker);
      threads.add(thread);
      thread.start();
    }
    try {
      sleepUntil(measureFrom);
      CpuClock.Sample cpuFrom = CpuClock.sample();
      long statementsFrom = scenario.counter().statements();
      long tripsFrom = scenario.counter().roundTrips();
      long windowFrom = System.nanoTime();
      sleepUntil(stopAt);
      long window = System.nanoTime() - windowFrom;
      long statements = scenario.counter().statements() - statementsFrom;
      long trips = scenario.counter().roundTrips() - tripsFrom;
      long cpu = CpuClock.serverNanos(cpuFrom, CpuClock.sample());
      sampled.countDown();
      Latencies latencies = new Latencies();
      long errors = 0;
      for (int i = 0; i < threads.size(); i++) {
        threads.get(i).join();
        latencies.addAll(workers.get(i).latencies);
        errors += workers.get(i).errors;
      }
      return new Slice(errors, latencies, window, cpu, statements, trips);
    } finally {
      sampled.countDown();
      threads.forEach(Thread::interrupt); // only does anything when the bench itself was interrupted
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }

  /** One closed-loop client; its fields are read after it ended (join orders the reads). */
  private final class Worker implements Runnable {

    private final Scenario scenario;
    private final long measureFrom;
    private final long stopAt;
    private final CountDownLatch sampled;
    private final Latencies latencies = new Latencies();
    private long errors;

    Worker(Scenario scenario, long measureFrom, long stopAt, CountDownLatch sampled) {
      this.scenario = scenario;
      this.measureFrom = measureFrom;
      this.stopAt = stopAt;
      this.sampled = sampled;
    }

    @Override
    public void run() {
      try {
        while (System.nanoTime() - stopAt < 0) {
          long start = System.nanoTime();
          boolean ok;
          try {
            ok = http.send(scenario.requests().get(), HttpResponse.BodyHandlers.discarding()).statusCode()
                == scenario.expectedStatus();
          } catch (IOException e) {
            ok = false;
          }
          long end = System.nanoTime();
          if (end - measureFrom >= 0 && end - stopAt < 0) {
            if (ok) {
              latencies.add(end - start);
            } else {
              errors++;
            }
          }
        }
        sampled.await(); // alive until the CPU sample, so its CPU time is seen and subtracted
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
