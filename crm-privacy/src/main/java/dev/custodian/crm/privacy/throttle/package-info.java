/** Throttle keys as keyed hashes, so the throttle's store holds no address or IP in clear. */
package dev.custodian.crm.privacy.throttle;
