/** Out-ports of data-subject requests, among them the SubjectPackager of ACCESS and PORTABILITY packages. */
package dev.custodian.crm.core.dsr.port.out;
