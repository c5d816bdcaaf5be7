/** Out-ports of sessions: their store. */
package dev.custodian.crm.core.session.port.out;
