package dev.custodian.crm.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bench api} was asked for.
 *
 * @param contacts how many contacts the workspace is seeded with
 * @param measured how long each scenario is measured at each connection count, warm-ups aside
 * @param connections the concurrent connections (closed-loop clients) to measure at, in order
 */
record BenchOptions(int contacts, Duration measured, List<Integer> connections) {

  /** Enough for page 200 at 50 a page (the deep page), and what the README's table used. */
  static final int DEFAULT_CONTACTS = 20_000;
  /**
   * 8 scenarios x 2 connection counts x (20 s + 4 one-second warm-ups) is about 6.5 minutes, which
   * with start-up, seeding and the cursor walk keeps a run on 2 cores under 10 minutes.
   */
  static final int DEFAULT_SECONDS = 20;
  static final List<Integer> DEFAULT_CONNECTIONS = List.of(32, 64);
  /** Below two full pages there is no deep page to compare with page 1. */
  static final int MIN_CONTACTS = 2 * ApiScenarios.PAGE_SIZE;

  BenchOptions {
    connections = List.copyOf(connections);
  }

  /**
   * Parses the arguments after {@code bench}.
   *
   * @throws IllegalArgumentException with a message fit for the command line
   */
  static BenchOptions parse(List<String> args) {
    if (args.isEmpty() || !args.get(0).equals("api")) {
      throw new IllegalArgumentException("the only benchmark is `api`");
    }
    int contacts = DEFAULT_CONTACTS;
    int seconds = DEFAULT_SECONDS;
    List<Integer> connections = DEFAULT_CONNECTIONS;
    for (int i = 1; i < args.size(); i += 2) {
      String name = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args.get(i + 1);
      switch (name) {
        case "--contacts" -> contacts = number(name, value, MIN_CONTACTS, 10_000_000);
        case "--seconds" -> seconds = number(name, value, 1, 3_600);
        case "--connections" -> connections = numbers(name, value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new BenchOptions(contacts, Duration.ofSeconds(seconds), connections);
  }

  private static List<Integer> numbers(String name, String value) {
    List<Integer> list = new ArrayList<>();
    for (String part : value.split(",")) {
      list.add(number(name, part.strip(), 1, 1_000));
    }
    return list;
  }

  static int number(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
  }
}
