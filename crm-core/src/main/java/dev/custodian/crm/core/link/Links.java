package dev.custodian.crm.core.link;

import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Uuids;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.deal.DealId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What an activity or a task is about: contacts, companies and deals of its workspace, each named
 * once. Given in the API as {@code contactIds}, {@code companyIds} and {@code dealIds}.
 */
public record Links(Set<ContactId> contacts, Set<CompanyId> companies, Set<DealId> deals) {

  public static final String CONTACT_IDS = "contactIds";
  public static final String COMPANY_IDS = "companyIds";
  public static final String DEAL_IDS = "dealIds";

  /** The most links an activity or a task holds, of all kinds together. */
  public static final int MAX = 50;

  public static final Links NONE = new Links(Set.of(), Set.of(), Set.of());

  public Links {
    contacts = Set.copyOf(contacts);
    companies = Set.copyOf(companies);
    deals = Set.copyOf(deals);
  }

  /** How many records are linked, of all kinds. */
  public int size() {
    return contacts.size() + companies.size() + deals.size();
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /** These links without the one to {@code contact}. */
  public Links without(ContactId contact) {
    Set<ContactId> rest = new LinkedHashSet<>(contacts);
    rest.remove(contact);
    return new Links(rest, companies, deals);
  }

  public Links without(CompanyId company) {
    Set<CompanyId> rest = new LinkedHashSet<>(companies);
    rest.remove(company);
    return new Links(contacts, rest, deals);
  }

  public Links without(DealId deal) {
    Set<DealId> rest = new LinkedHashSet<>(deals);
    rest.remove(deal);
    return new Links(contacts, companies, rest);
  }

  /** Whether these links name {@code record}. */
  public boolean names(RecordRef record) {
    return switch (record.kind()) {
      case CONTACT -> contacts.contains(ContactId.of(record.id()));
      case COMPANY -> companies.contains(CompanyId.of(record.id()));
      case DEAL -> deals.contains(DealId.of(record.id()));
    };
  }

  /**
   * Reads the three id lists into {@code v}: each must hold UUIDs, and together {@code min} to
   * {@link #MAX} distinct records (a count out of bounds is reported on each of the three fields).
   * A {@code null} list is none.
   *
   * @return the links; {@code null} when any error was recorded
   */
  public static Links of(Validator v, List<String> contactIds, List<String> companyIds, List<String> dealIds,
      int min) {
    Set<ContactId> contacts = ids(v, CONTACT_IDS, contactIds, ContactId::of);
    Set<CompanyId> companies = ids(v, COMPANY_IDS, companyIds, CompanyId::of);
    Set<DealId> deals = ids(v, DEAL_IDS, dealIds, DealId::of);
    if (contacts == null || companies == null || deals == null) {
      return null;
    }
    int size = contacts.size() + companies.size() + deals.size();
    if (size < min || size > MAX) {
      String detail = "together with the other links must name " + min + " to " + MAX + " records";
      v.reject(CONTACT_IDS, detail);
      v.reject(COMPANY_IDS, detail);
      v.reject(DEAL_IDS, detail);
      return null;
    }
    return new Links(contacts, companies, deals);
  }

  /**
   * Reads one patched list of ids; the others come from {@code current}. As
   * {@link #of(Validator, List, List, List, int)}, for a patch: {@code null} for a list means kept.
   */
  public static Links patched(Validator v, Links current, List<String> contactIds, boolean clearContacts,
      List<String> companyIds, boolean clearCompanies, List<String> dealIds, boolean clearDeals, int min) {
    Set<ContactId> contacts = clearContacts ? Set.of()
        : contactIds == null ? current.contacts() : ids(v, CONTACT_IDS, contactIds, ContactId::of);
    Set<CompanyId> companies = clearCompanies ? Set.of()
        : companyIds == null ? current.companies() : ids(v, COMPANY_IDS, companyIds, CompanyId::of);
    Set<DealId> deals = clearDeals ? Set.of()
        : dealIds == null ? current.deals() : ids(v, DEAL_IDS, dealIds, DealId::of);
    if (contacts == null || companies == null || deals == null) {
      return null;
    }
    int size = contacts.size() + companies.size() + deals.size();
    if (size < min || size > MAX) {
      String detail = "together with the other links must name " + min + " to " + MAX + " records";
      v.reject(CONTACT_IDS, detail);
      v.reject(COMPANY_IDS, detail);
      v.reject(DEAL_IDS, detail);
      return null;
    }
    return new Links(contacts, companies, deals);
  }

  private static <T> Set<T> ids(Validator v, String field, List<String> raw, Function<UUID, T> factory) {
    if (raw == null) {
      return Set.of();
    }
    if (raw.size() > MAX) {
      v.reject(field, "must hold at most " + MAX + " ids");
      return null;
    }
    Set<T> valid = new LinkedHashSet<>();
    for (String id : raw) {
      try {
        valid.add(factory.apply(Uuids.parse(Objects.requireNonNull(id))));
      } catch (InvalidValueException | NullPointerException e) {
        v.reject(field, "must hold ids (UUIDs)");
        return null;
      }
    }
    return valid;
  }
}
