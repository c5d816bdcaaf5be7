/** Privacy engines over crm-core's ports: erasure, suppression hashing, key derivation. */
package dev.custodian.crm.privacy;
