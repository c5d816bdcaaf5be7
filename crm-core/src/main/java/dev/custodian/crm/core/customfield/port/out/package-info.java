/** Out-ports of the custom field feature: its repository of definitions. */
package dev.custodian.crm.core.customfield.port.out;
