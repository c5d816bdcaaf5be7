/** Out-ports of suppression: the list of erased identifiers every intake asks. */
package dev.custodian.crm.core.suppression.port.out;
