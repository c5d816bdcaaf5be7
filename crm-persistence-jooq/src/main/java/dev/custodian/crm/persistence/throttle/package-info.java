/** The throttle's counts, keyed by opaque keyed hashes only. */
package dev.custodian.crm.persistence.throttle;
