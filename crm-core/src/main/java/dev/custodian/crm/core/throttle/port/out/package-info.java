/** Out-ports of throttling: where counts are kept, and how a key becomes an opaque keyed hash. */
package dev.custodian.crm.core.throttle.port.out;
