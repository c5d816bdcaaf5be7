/** In-ports: the export use cases. */
package dev.custodian.crm.core.export.port.in;
