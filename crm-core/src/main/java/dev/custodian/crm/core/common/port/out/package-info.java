/** Capability out-ports that any feature may use: new ids and secret tokens (with the hash they are stored as). */
package dev.custodian.crm.core.common.port.out;
