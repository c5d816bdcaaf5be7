/**
 * The data map (RET-12, DSR-02): every class of data the product stores, with its category,
 * purpose, legal basis, whether it is personal (and its CCPA category), and its retention rule.
 */
package dev.custodian.crm.core.datamap;
