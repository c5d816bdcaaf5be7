/** Out-port of the activity feature: the activity repository, which also holds the links. */
package dev.custodian.crm.core.activity.port.out;
