package dev.custodian.crm.persistence.common;

import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.link.Links;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.InsertValuesStep6;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: the link rows of activities and tasks ({@code activity_links},
 * {@code task_links}): one row per linked contact, company or deal, exactly one of the three
 * columns set, each row with its own generated id. Read with their owner as three id arrays.
 */
public final class LinkRows {

  private final Table<?> table;
  private final Field<UUID> tenant;
  private final Field<UUID> id;
  private final Field<UUID> owner;
  private final Field<UUID> contact;
  private final Field<UUID> company;
  private final Field<UUID> deal;

  public LinkRows(Table<?> table, Field<UUID> tenant, Field<UUID> id, Field<UUID> owner, Field<UUID> contact,
      Field<UUID> company, Field<UUID> deal) {
    this.table = Objects.requireNonNull(table, "table");
    this.tenant = tenant;
    this.id = id;
    this.owner = owner;
    this.contact = contact;
    this.company = company;
    this.deal = deal;
  }

  public Field<UUID> contact() {
    return contact;
  }

  public Field<UUID> company() {
    return company;
  }

  public Field<UUID> deal() {
    return deal;
  }

  public Field<UUID> owner() {
    return owner;
  }

  public Field<UUID> tenant() {
    return tenant;
  }

  public Table<?> table() {
    return table;
  }

  /**
   * Adds a row per link of one owner to {@code insert} (an insert into this table of tenant, id,
   * owner, contact, company and deal, from a DSL context or a WITH); {@code links} must not be empty.
   */
  public <R extends Record> InsertValuesStep6<R, UUID, UUID, UUID, UUID, UUID, UUID> values(
      InsertValuesStep6<R, UUID, UUID, UUID, UUID, UUID, UUID> insert, UUID workspace, UUID ownerId, Links links) {
    Field<UUID> newId = DSL.field("gen_random_uuid()", UUID.class);
    Field<UUID> none = DSL.castNull(UUID.class);
    for (ContactId c : links.contacts()) {
      insert = insert.values(DSL.val(workspace), newId, DSL.val(ownerId), DSL.val(c.value()), none, none);
    }
    for (CompanyId c : links.companies()) {
      insert = insert.values(DSL.val(workspace), newId, DSL.val(ownerId), none, DSL.val(c.value()), none);
    }
    for (DealId d : links.deals()) {
      insert = insert.values(DSL.val(workspace), newId, DSL.val(ownerId), none, none, DSL.val(d.value()));
    }
    return insert;
  }

  /** The owner's links of one kind as an array, for a select of the owner. */
  public Field<UUID[]> ids(Field<UUID> target, Field<UUID> ownerTenant, Field<UUID> ownerId, String alias) {
    return DSL.array(DSL.select(target).from(table)
        .where(tenant.eq(ownerTenant)).and(owner.eq(ownerId)).and(target.isNotNull())).as(alias);
  }

  /** The rows of the workspace that link to the record in {@code target}. */
  public Condition linksTo(UUID workspace, Field<UUID> target, UUID record) {
    return tenant.eq(workspace).and(target.eq(record));
  }

  /** Links read back from the three arrays. */
  public static Links links(UUID[] contacts, UUID[] companies, UUID[] deals) {
    return new Links(set(contacts, ContactId::of), set(companies, CompanyId::of), set(deals, DealId::of));
  }

  private static <T> Set<T> set(UUID[] ids, Function<UUID, T> factory) {
    return ids == null ? Set.of() : Arrays.stream(ids).map(factory).collect(Collectors.toSet());
  }
}
