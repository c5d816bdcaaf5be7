/** Capability out-ports that any feature may use, such as new ids. */
package dev.custodian.crm.core.common.port.out;
