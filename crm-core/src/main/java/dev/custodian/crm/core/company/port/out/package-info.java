/** Out-ports of the company feature: the company repository and the seam of the stores that refer to companies. */
package dev.custodian.crm.core.company.port.out;
