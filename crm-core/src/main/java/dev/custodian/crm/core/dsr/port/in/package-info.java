/** In-ports of data-subject requests. */
package dev.custodian.crm.core.dsr.port.in;
