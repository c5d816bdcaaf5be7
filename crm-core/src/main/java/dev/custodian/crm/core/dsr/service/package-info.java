/** Services of data-subject requests. */
package dev.custodian.crm.core.dsr.service;
