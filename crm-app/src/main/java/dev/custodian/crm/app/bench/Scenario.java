package dev.custodian.crm.app.bench;

import java.net.http.HttpRequest;
import java.util.function.Supplier;

/**
 * One kind of request the bench sends in a closed loop, the answer that counts as a success, and
 * whose database round trips it costs.
 *
 * @param requests makes each next request; called from many threads at once
 */
record Scenario(String name, Kind kind, int expectedStatus, Supplier<HttpRequest> requests,
    RoundTripCounter counter) {

  /** What a scenario is, which decides the ceiling its throughput is divided by. */
  enum Kind {
    /** A read of the server's: compared with both SELECT ceilings. */
    SERVER_READ,
    /** A write of the server's: compared with the INSERT ceiling. */
    SERVER_WRITE,
    /** The bare route's one autocommit SELECT. */
    CEILING_SELECT,
    /** The bare route's SELECT in the tenant transaction. */
    CEILING_TRANSACTION,
    /** The bare route's one autocommit INSERT. */
    CEILING_INSERT;

    boolean server() {
      return this == SERVER_READ || this == SERVER_WRITE;
    }
  }
}
