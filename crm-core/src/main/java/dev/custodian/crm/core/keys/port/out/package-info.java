/** Out-ports of the master key: where it comes from, and its stored check value. */
package dev.custodian.crm.core.keys.port.out;
