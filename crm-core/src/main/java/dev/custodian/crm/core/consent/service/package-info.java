/** Services of the consent feature, and the {@link dev.custodian.crm.core.consent.service.ProcessingGuard}. */
package dev.custodian.crm.core.consent.service;
