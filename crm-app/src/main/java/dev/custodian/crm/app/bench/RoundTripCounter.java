package dev.custodian.crm.app.bench;

/** Running totals of the statements and round trips a server under test sent to PostgreSQL. */
interface RoundTripCounter {

  long statements();

  long roundTrips();
}
