/** Out-ports of access: who is a member of which workspace, with which role. */
package dev.custodian.crm.core.access.port.out;
