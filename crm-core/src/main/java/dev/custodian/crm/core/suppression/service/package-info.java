/** Services of suppression: the guard every intake of an email or phone runs (DSR-04). */
package dev.custodian.crm.core.suppression.service;
