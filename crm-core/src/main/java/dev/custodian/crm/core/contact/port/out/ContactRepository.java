package dev.custodian.crm.core.contact.port.out;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.port.out.CompanyLinks;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.ExportedContact;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Out-port: stores contacts. Every method is scoped to the given workspace (a call for workspace B
 * never returns, changes or deletes a contact of workspace A), joins the caller's open
 * transaction, and fails with {@link IllegalStateException} when none is open.
 *
 * <p>A contact's company must be a company of its workspace when the contact is written: the
 * check is the write's own (the database's foreign key), so it costs no statement of its own and
 * holds against a concurrent delete of the company. As {@link CompanyLinks}, the repository
 * unlinks a deleted company's contacts.
 */
public interface ContactRepository extends CompanyLinks {

  /**
   * Stores a new contact.
   *
   * @throws ConflictException of kind {@code DUPLICATE} when its normalised email is taken in
   *     the workspace
   * @throws ValidationException naming {@code companyId} when its company is not one of the
   *     workspace's (another workspace's, or none), with the same answer either way
   */
  void insert(Contact contact);

  /**
   * Stores new contacts, as {@link #insert} does each (an import's batch); an adapter may do it in
   * one statement. A duplicate email fails them all.
   */
  default void insertAll(List<Contact> contacts) {
    contacts.forEach(this::insert);
  }

  Optional<Contact> findById(WorkspaceId workspace, ContactId id);

  /**
   * Reads the contact and locks it against concurrent changes and deletes until the transaction
   * ends, for use cases that must act on exactly what they read (erasure).
   */
  Optional<Contact> findByIdForUpdate(WorkspaceId workspace, ContactId id);

  /**
   * A page of the workspace's contacts that pass the query's filters, in its sort's walk order
   * ({@link dev.custodian.crm.core.common.paging.Sort}: ties by id in PostgreSQL's uuid order, not
   * {@code UUID.compareTo}; {@code lastName} by its case-folded key in code-point order), after the
   * query's cursor. The query is one of {@link dev.custodian.crm.core.contact.ContactListing#OFFER};
   * the contract walks each sort both ways.
   */
  Page<Contact> list(WorkspaceId workspace, ListQuery query);

  /**
   * Hands every contact of {@code query}'s whole walk (its page ignored), in {@link #list}'s order,
   * with its company's domain, to {@code sink}, as the open transaction sees them: an export, which
   * an adapter streams through one statement. Each carries the values of {@code fields} only
   * (contact fields; none: no custom values), so values not exported are never read.
   */
  void export(WorkspaceId workspace, ListQuery query, List<CustomField> fields, Consumer<? super ExportedContact> sink);

  /**
   * Replaces the stored contact with {@code changed} if the stored version is still
   * {@code expectedVersion}; a stale write changes nothing.
   *
   * @return false when the contact is gone or its version is no longer {@code expectedVersion}
   * @throws ConflictException of kind {@code DUPLICATE} when the new email is taken
   * @throws ValidationException naming {@code companyId} when its company is not one of the
   *     workspace's
   */
  boolean update(Contact changed, long expectedVersion);

  /**
   * Deletes the contact, if {@code expectedVersion} (when given) still matches.
   *
   * @return false when nothing was deleted
   */
  boolean delete(WorkspaceId workspace, ContactId id, OptionalLong expectedVersion);
}
