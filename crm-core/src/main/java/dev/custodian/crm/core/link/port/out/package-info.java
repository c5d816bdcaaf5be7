/** Out-port of links: whether the records a set of links names are of the workspace. */
package dev.custodian.crm.core.link.port.out;
