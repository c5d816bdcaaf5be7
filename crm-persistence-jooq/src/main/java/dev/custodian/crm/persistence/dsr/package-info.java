/** Persistence adapter of data-subject packages: the package store (V28). */
package dev.custodian.crm.persistence.dsr;
