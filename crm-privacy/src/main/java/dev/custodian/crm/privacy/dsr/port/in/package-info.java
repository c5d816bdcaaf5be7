/** In-ports of data-subject packages: the one-time download. */
package dev.custodian.crm.privacy.dsr.port.in;
