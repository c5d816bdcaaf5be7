/** In-port of the own-data export. */
package dev.custodian.crm.core.myexport.port.in;
