package dev.custodian.crm.core.imports.port.out;

import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Collection;
import java.util.Map;

/**
 * Out-port: the stored records an import batch's rows may duplicate or refer to, for many keys in
 * one statement. Joins the caller's open workspace transaction.
 */
public interface ImportTargets {

  /** The workspace's contacts among {@code emails} (normalised), by normalised email. */
  Map<String, ContactId> contactsByEmail(WorkspaceId workspace, Collection<String> emails);

  /** The workspace's companies among {@code domains} (as stored: lower case), by domain. */
  Map<String, CompanyId> companiesByDomain(WorkspaceId workspace, Collection<String> domains);
}
