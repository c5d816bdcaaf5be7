package dev.custodian.crm.core.privacy.port.out;

import dev.custodian.crm.core.contact.EmailAddress;
import dev.custodian.crm.core.contact.PhoneNumber;
import dev.custodian.crm.core.tenant.TenantId;

/**
 * Out-port: the identifiers of people who had their data erased, per workspace. Every intake path
 * asks it before storing an email or phone, so an erased person does not come back through the
 * next import or form. crm-privacy implements it with keyed hashes, so the list itself holds no
 * email or phone in clear. Joins the caller's open transaction.
 */
public interface SuppressionList {

  boolean isSuppressed(TenantId tenant, EmailAddress email);

  boolean isSuppressed(TenantId tenant, PhoneNumber phone);
}
