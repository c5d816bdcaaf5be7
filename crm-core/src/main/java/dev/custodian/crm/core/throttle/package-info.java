/**
 * Throttling (SEC-07): counting requests per key (an address, a client IP) in fixed windows, and
 * the keys themselves. Stored counts are keyed by opaque keyed hashes only, never by the value.
 */
package dev.custodian.crm.core.throttle;
