/** Out-ports of data-subject requests: their store, the executors of their rights, the subject packager and its package store. */
package dev.custodian.crm.core.dsr.port.out;
