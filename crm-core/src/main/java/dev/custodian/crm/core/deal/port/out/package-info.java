/** Out-port of the deal feature: the deal repository, which also holds the links and the stage history. */
package dev.custodian.crm.core.deal.port.out;
