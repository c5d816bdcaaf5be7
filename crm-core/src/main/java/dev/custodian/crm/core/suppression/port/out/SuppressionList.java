package dev.custodian.crm.core.suppression.port.out;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Out-port: the identifiers of people who had their data erased, per workspace. Every intake path
 * asks it before storing an email or phone, so an erased person does not come back through the
 * next import or form; erasure adds to it. crm-privacy implements it with keyed hashes, so the
 * list itself holds no email or phone in clear. Joins the caller's open transaction.
 *
 * <p>Locking: a check and an addition of the same identifier in the same workspace are serialised
 * until the end of their transactions, so an intake running during an erasure cannot miss the
 * entry the erasure is adding.
 */
public interface SuppressionList {

  /** The kind of identifier an intake checks; names the contact's field it came from. */
  enum Identifier {
    EMAIL,
    PHONE
  }

  /**
   * Which of the given identifiers are on the workspace's list. The email and the phone are
   * checked together, so a contact with both costs no more round trips than one with an email
   * only; give only what the intake adds (an update passes neither the email nor the phone it
   * keeps). Neither given: empty, and nothing is asked.
   */
  Set<Identifier> suppressed(WorkspaceId workspace, Optional<EmailAddress> email, Optional<PhoneNumber> phone);

  /**
   * The suppressed among many identifiers (an import batch's emails and phones): normalised emails
   * ({@link EmailAddress#normalised()}) and phones ({@link PhoneNumber#value()}).
   */
  record Among(Set<String> emails, Set<String> phones) {
    public Among {
      emails = Set.copyOf(emails);
      phones = Set.copyOf(phones);
    }

    public boolean email(EmailAddress email) {
      return emails.contains(email.normalised());
    }

    public boolean phone(PhoneNumber phone) {
      return phones.contains(phone.value());
    }
  }

  /**
   * Which of many identifiers are on the workspace's list, for an intake of many records at once
   * (an import's batch of 1,000 rows). Serialised with erasure like {@link #suppressed}, but an
   * adapter should not lock each identifier (so many locks in one transaction can exhaust the lock
   * table): the jOOQ adapter takes one lock of the workspace's list, shared by such checks and
   * exclusive for an erasure adding to it. By default, one {@link #suppressed} check per pair.
   */
  default Among suppressedAmong(WorkspaceId workspace, Collection<EmailAddress> emails,
      Collection<PhoneNumber> phones) {
    Set<String> foundEmails = new HashSet<>();
    Set<String> foundPhones = new HashSet<>();
    List<EmailAddress> e = List.copyOf(emails);
    List<PhoneNumber> p = List.copyOf(phones);
    for (int i = 0; i < Math.max(e.size(), p.size()); i++) {
      Optional<EmailAddress> email = i < e.size() ? Optional.of(e.get(i)) : Optional.empty();
      Optional<PhoneNumber> phone = i < p.size() ? Optional.of(p.get(i)) : Optional.empty();
      Set<Identifier> found = suppressed(workspace, email, phone);
      if (found.contains(Identifier.EMAIL)) {
        foundEmails.add(email.orElseThrow().normalised());
      }
      if (found.contains(Identifier.PHONE)) {
        foundPhones.add(phone.orElseThrow().value());
      }
    }
    return new Among(foundEmails, foundPhones);
  }

  /**
   * Takes, until the transaction ends, the lock an addition takes, so an erasure takes it before it
   * locks the records it erases: a batch check ({@link #suppressedAmong}) takes it (shared) before
   * it writes records, so the two take their locks in one order and cannot deadlock. By default
   * nothing.
   */
  default void lockForAdditions(WorkspaceId workspace) {}

  /** Adds the email to the workspace's list; adding it twice changes nothing. */
  void suppress(WorkspaceId workspace, EmailAddress email, Instant now);

  /** Adds the phone number to the workspace's list; adding it twice changes nothing. */
  void suppress(WorkspaceId workspace, PhoneNumber phone, Instant now);

  /**
   * A list that suppresses nothing and takes no entries: for use cases that never meet an email or
   * phone (a company's or deal's without custom fields).
   */
  static SuppressionList none() {
    return new SuppressionList() {
      @Override
      public Set<Identifier> suppressed(WorkspaceId workspace, Optional<EmailAddress> email,
          Optional<PhoneNumber> phone) {
        return Set.of();
      }

      @Override
      public void suppress(WorkspaceId workspace, EmailAddress email, Instant now) {
        throw new UnsupportedOperationException("no suppression list");
      }

      @Override
      public void suppress(WorkspaceId workspace, PhoneNumber phone, Instant now) {
        throw new UnsupportedOperationException("no suppression list");
      }
    };
  }
}
