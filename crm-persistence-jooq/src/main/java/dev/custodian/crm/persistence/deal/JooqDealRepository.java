package dev.custodian.crm.persistence.deal;

import static dev.custodian.crm.persistence.generated.Tables.COMPANIES;
import static dev.custodian.crm.persistence.generated.Tables.CONTACTS;
import static dev.custodian.crm.persistence.generated.Tables.DEALS;
import static dev.custodian.crm.persistence.generated.Tables.DEAL_CONTACTS;
import static dev.custodian.crm.persistence.generated.Tables.DEAL_STAGE_CHANGES;
import static dev.custodian.crm.persistence.generated.Tables.PIPELINE_STAGES;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.deal.DealListing;
import dev.custodian.crm.core.deal.PipelineSummary;
import dev.custodian.crm.core.deal.StageChange;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.StageKind;
import dev.custodian.crm.core.pipeline.StageName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.Columns;
import dev.custodian.crm.persistence.common.CustomValueColumns;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.ListColumns;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.DealContactsRecord;
import dev.custodian.crm.persistence.generated.tables.records.DealsRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link DealRepository} on {@code deals}, {@code deal_contacts} and
 * {@code deal_stage_changes}. Every statement filters by the workspace itself; row-level security
 * is the second, independent wall. A deal is read with its contact ids in one statement; its
 * company, pipeline, stage and contacts are checked by the composite foreign keys of the writes
 * themselves too, a violation being the core's validation error (the services ask
 * {@link #unknownReferences} first, to name every bad one at once). A create is one statement.
 */
final class JooqDealRepository implements DealRepository {

  /** A deal's contact ids, read with the deal. */
  private static final Field<UUID[]> CONTACT_IDS = DSL.array(DSL.select(DEAL_CONTACTS.CONTACT_ID)
      .from(DEAL_CONTACTS)
      .where(DEAL_CONTACTS.TENANT_ID.eq(DEALS.TENANT_ID))
      .and(DEAL_CONTACTS.DEAL_ID.eq(DEALS.ID))).as("contact_ids");

  /** A deal's custom values, read with the deal. */
  private static final Field<String[]> CUSTOM = CustomValueColumns.of(ObjectType.DEAL, DEALS.TENANT_ID, DEALS.ID);

  /** The deal list's columns: {@code title} sorts by its key column (indexed with the workspace). */
  private static final ListColumns LIST_COLUMNS = ListColumns.of(DEALS.ID)
      .customValues(ObjectType.DEAL, DEALS.TENANT_ID)
      .field(DealListing.CREATED_AT, DEALS.CREATED_AT)
      .field(DealListing.TITLE, DEALS.TITLE)
      .field(DealListing.EXPECTED_CLOSE_DATE, DEALS.EXPECTED_CLOSE_DATE)
      .field(DealListing.PIPELINE_ID, DEALS.PIPELINE_ID)
      .field(DealListing.STAGE_ID, DEALS.STAGE_ID)
      .field(DealListing.STATUS, DSL.lower(DEALS.STAGE_KIND))
      .field(DealListing.COMPANY_ID, DEALS.COMPANY_ID)
      .field(DealListing.CURRENCY, DEALS.CURRENCY)
      .field(DealListing.AMOUNT, DEALS.AMOUNT)
      .related(DealListing.CONTACT_ID, DEAL_CONTACTS,
          DEAL_CONTACTS.TENANT_ID.eq(DEALS.TENANT_ID).and(DEAL_CONTACTS.DEAL_ID.eq(DEALS.ID)), DEAL_CONTACTS.CONTACT_ID)
      .sortKey(DealListing.TITLE, DEALS.TITLE_SORT);

  private static final ListColumns HISTORY_COLUMNS = ListColumns.of(DEAL_STAGE_CHANGES.ID)
      .field(DealListing.CHANGED_AT, DEAL_STAGE_CHANGES.CHANGED_AT);

  private final JooqTransactions transactions;

  JooqDealRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  /**
   * One statement: the deal, its links and its first history entry (data-modifying WITHs; the
   * foreign keys between them are checked at its end).
   */
  @Override
  public void insert(Deal deal, StageChange created) {
    DSLContext dsl = transactions.dsl(deal.workspace());
    CommonTableExpression<Record1<UUID>> inserted = DSL.name("inserted").fields("id")
        .as(dsl.insertInto(DEALS).set(DealMapper.toRecord(deal)).returningResult(DEALS.ID));
    if (deal.contacts().isEmpty()) {
      translatingViolations(() -> dsl.with(inserted)
          .insertInto(DEAL_STAGE_CHANGES).set(DealMapper.toRecord(created)).execute());
    } else {
      CommonTableExpression<Record1<UUID>> linked = DSL.name("linked").fields("contact_id")
          .as(insertLinks(dsl, deal).returningResult(DEAL_CONTACTS.CONTACT_ID));
      translatingViolations(() -> dsl.with(inserted).with(linked)
          .insertInto(DEAL_STAGE_CHANGES).set(DealMapper.toRecord(created)).execute());
    }
  }

  /** Inserts the deal's links that are not there yet. */
  private static org.jooq.InsertOnDuplicateStep<DealContactsRecord> insertLinksStep(DSLContext dsl,
      Deal deal) {
    UUID[] ids = deal.contacts().stream().map(c -> c.value()).toArray(UUID[]::new);
    return dsl.insertInto(DEAL_CONTACTS, DEAL_CONTACTS.TENANT_ID, DEAL_CONTACTS.DEAL_ID, DEAL_CONTACTS.CONTACT_ID)
        .select(DSL.select(DSL.val(deal.workspace().value()), DSL.val(deal.id().value()),
                DSL.field(DSL.name("given", "contact_id"), UUID.class))
            .from(DSL.unnest(ids).as("given", "contact_id")));
  }

  private static org.jooq.InsertReturningStep<DealContactsRecord> insertLinks(DSLContext dsl,
      Deal deal) {
    return insertLinksStep(dsl, deal).onConflictDoNothing();
  }

  @Override
  public Optional<Deal> findById(WorkspaceId workspace, DealId id) {
    return transactions.dsl(workspace).select(DEALS.fields()).select(CONTACT_IDS, CUSTOM).from(DEALS)
        .where(key(workspace, id))
        .fetchOptional()
        .map(JooqDealRepository::toDeal);
  }

  /** One query: whether the company is unknown, and the given contacts that are not the workspace's. */
  @Override
  public UnknownReferences unknownReferences(WorkspaceId workspace, Optional<CompanyId> company,
      Set<ContactId> contacts) {
    UUID[] ids = contacts.stream().map(ContactId::value).toArray(UUID[]::new);
    Field<UUID> given = DSL.field(DSL.name("given", "contact_id"), UUID.class);
    Field<Boolean> companyUnknown = company.isEmpty() ? DSL.inline(false) : DSL.field(DSL.notExists(DSL.selectOne()
        .from(COMPANIES).where(COMPANIES.TENANT_ID.eq(workspace.value())).and(COMPANIES.ID.eq(company.get().value()))));
    Field<UUID[]> contactsUnknown = DSL.array(DSL.select(given).from(DSL.unnest(ids).as("given", "contact_id"))
        .whereNotExists(DSL.selectOne().from(CONTACTS)
            .where(CONTACTS.TENANT_ID.eq(workspace.value())).and(CONTACTS.ID.eq(given))));
    Record row = transactions.dsl(workspace).select(companyUnknown.as("company_unknown"), contactsUnknown.as("contacts_unknown"))
        .fetchOne();
    UUID[] unknown = (UUID[]) row.get(1);
    return new UnknownReferences(Boolean.TRUE.equals(row.get(0)),
        Arrays.stream(unknown).map(ContactId::of).collect(Collectors.toSet()));
  }

  @Override
  public Page<Deal> list(WorkspaceId workspace, ListQuery query) {
    SelectConditionStep<Record> select = transactions.dsl(workspace).select(DEALS.fields()).select(CONTACT_IDS, CUSTOM)
        .from(DEALS).where(DEALS.TENANT_ID.eq(workspace.value()));
    return KeysetPaging.page(select, query.requireOffer(DealListing.OFFER), LIST_COLUMNS)
        .map(JooqDealRepository::toDeal);
  }

  @Override
  public void export(WorkspaceId workspace, ListQuery query, List<CustomField> fields,
      java.util.function.Consumer<? super Deal> sink) {
    Field<String[]> custom = CustomValueColumns.of(ObjectType.DEAL, DEALS.TENANT_ID, DEALS.ID, fields);
    SelectConditionStep<Record> select = transactions.dsl(workspace).select(DEALS.fields()).select(CONTACT_IDS, custom)
        .from(DEALS).where(DEALS.TENANT_ID.eq(workspace.value()));
    KeysetPaging.stream(select, query.requireOffer(DealListing.OFFER), LIST_COLUMNS,
        row -> DealMapper.toDeal(row, row.get(CONTACT_IDS)).withCustom(CustomValueColumns.values(row.get(custom))), sink);
  }

  private static Deal toDeal(Record row) {
    return DealMapper.toDeal(Columns.of(row), row.get(CONTACT_IDS)).withCustom(CustomValueColumns.values(row.get(CUSTOM)));
  }

  /**
   * The conditional update first: the links and the history entry are written only when it
   * changed the row, so a stale write records nothing.
   */
  @Override
  public boolean update(Deal changed, long expectedVersion, Optional<StageChange> move) {
    DSLContext dsl = transactions.dsl(changed.workspace());
    DealsRecord values = DealMapper.toRecord(changed);
    int updated = translatingViolations(() -> dsl.update(DEALS)
        .set(DEALS.TITLE, values.getTitle())
        .set(DEALS.TITLE_SORT, values.getTitleSort())
        .set(DEALS.AMOUNT, values.getAmount())
        .set(DEALS.CURRENCY, values.getCurrency())
        .set(DEALS.PIPELINE_ID, values.getPipelineId())
        .set(DEALS.STAGE_ID, values.getStageId())
        .set(DEALS.STAGE_KIND, values.getStageKind())
        .set(DEALS.EXPECTED_CLOSE_DATE, values.getExpectedCloseDate())
        .set(DEALS.CLOSED_AT, values.getClosedAt())
        .set(DEALS.COMPANY_ID, values.getCompanyId())
        .set(DEALS.UPDATED_AT, values.getUpdatedAt())
        .set(DEALS.VERSION, values.getVersion())
        .where(key(changed.workspace(), changed.id()))
        .and(DEALS.VERSION.eq(expectedVersion))
        .execute());
    if (updated != 1) {
      return false;
    }
    UUID[] kept = changed.contacts().stream().map(c -> c.value()).toArray(UUID[]::new);
    dsl.deleteFrom(DEAL_CONTACTS)
        .where(DEAL_CONTACTS.TENANT_ID.eq(changed.workspace().value()))
        .and(DEAL_CONTACTS.DEAL_ID.eq(changed.id().value()))
        .and(DEAL_CONTACTS.CONTACT_ID.notEqual(DSL.all(kept)))
        .execute();
    if (!changed.contacts().isEmpty()) {
      translatingViolations(() -> insertLinks(dsl, changed).execute());
    }
    move.ifPresent(change -> translatingViolations(() ->
        dsl.insertInto(DEAL_STAGE_CHANGES).set(DealMapper.toRecord(change)).execute()));
    return true;
  }

  /** The links and the history go with the deal (their foreign keys cascade). */
  @Override
  public boolean delete(WorkspaceId workspace, DealId id, OptionalLong expectedVersion) {
    Condition version = expectedVersion.isPresent()
        ? DEALS.VERSION.eq(expectedVersion.getAsLong())
        : DSL.noCondition();
    return transactions.dsl(workspace).deleteFrom(DEALS).where(key(workspace, id)).and(version).execute() == 1;
  }

  @Override
  public Page<StageChange> history(WorkspaceId workspace, DealId deal, ListQuery query) {
    return KeysetPaging.page(transactions.dsl(workspace).selectFrom(DEAL_STAGE_CHANGES)
            .where(DEAL_STAGE_CHANGES.TENANT_ID.eq(workspace.value()))
            .and(DEAL_STAGE_CHANGES.DEAL_ID.eq(deal.value())),
        query.requireOffer(DealListing.HISTORY_OFFER), HISTORY_COLUMNS).map(DealMapper::toChange);
  }

  /** One statement; the version moves on (the representation changed), {@code updated_at} stays. */
  @Override
  public int unlinkCompany(WorkspaceId workspace, CompanyId company) {
    return transactions.dsl(workspace)
        .update(DEALS)
        .setNull(DEALS.COMPANY_ID)
        .set(DEALS.VERSION, DEALS.VERSION.plus(1))
        .where(DEALS.TENANT_ID.eq(workspace.value()))
        .and(DEALS.COMPANY_ID.eq(company.value()))
        .execute();
  }

  /**
   * One aggregate: the pipeline's stages, each joined with its deals that pass the filters (as the
   * list applies them) and grouped by currency (a stage without such deals is one group of count 0).
   */
  @Override
  public List<PipelineSummary.Row> summary(WorkspaceId workspace, PipelineId pipeline, List<Filter> filters) {
    Field<Integer> count = DSL.count(DEALS.ID).as("deal_count");
    Field<BigDecimal> sum = DSL.sum(DEALS.AMOUNT).as("amount_sum");
    return transactions.dsl(workspace)
        .select(PIPELINE_STAGES.ID, PIPELINE_STAGES.NAME, PIPELINE_STAGES.KIND, PIPELINE_STAGES.PROBABILITY,
            PIPELINE_STAGES.POSITION, DEALS.CURRENCY, count, sum)
        .from(PIPELINE_STAGES)
        .leftJoin(DEALS).on(DEALS.TENANT_ID.eq(PIPELINE_STAGES.TENANT_ID)).and(DEALS.STAGE_ID.eq(PIPELINE_STAGES.ID))
        .and(KeysetPaging.conditions(filters, LIST_COLUMNS))
        .where(PIPELINE_STAGES.TENANT_ID.eq(workspace.value()))
        .and(PIPELINE_STAGES.PIPELINE_ID.eq(pipeline.value()))
        .groupBy(PIPELINE_STAGES.ID, PIPELINE_STAGES.NAME, PIPELINE_STAGES.KIND, PIPELINE_STAGES.PROBABILITY,
            PIPELINE_STAGES.POSITION, DEALS.CURRENCY)
        .fetch(row -> new PipelineSummary.Row(
            StageId.of(row.get(PIPELINE_STAGES.ID)),
            new StageName(row.get(PIPELINE_STAGES.NAME)),
            StageKind.valueOf(row.get(PIPELINE_STAGES.KIND)),
            row.get(PIPELINE_STAGES.PROBABILITY),
            row.get(PIPELINE_STAGES.POSITION),
            Optional.ofNullable(row.get(DEALS.CURRENCY)).map(Money::currency),
            row.get(count),
            row.get(sum)));
  }

  @Override
  public boolean anyIn(WorkspaceId workspace, StageId stage) {
    return transactions.dsl(workspace).fetchExists(DSL.selectOne().from(DEALS)
        .where(DEALS.TENANT_ID.eq(workspace.value()))
        .and(DEALS.STAGE_ID.eq(stage.value())));
  }

  /**
   * Two statements. The stage row is locked first ({@code FOR UPDATE}, which a deal's foreign key
   * check conflicts with): a move into it under way commits first and is moved on below, a later
   * one waits and then finds the stage gone (its own 400). Then the deals move (a data-modifying
   * WITH, each at its next version, closed now when {@code to} is WON or LOST) and each move is
   * recorded, at {@code at} or a microsecond after the deal's last change if that is later: a move
   * into the stage that committed while this waited carries a later instant than {@code at}.
   */
  @Override
  public int moveAll(WorkspaceId workspace, Stage from, Stage to, Instant at, AccountId actor) {
    DSLContext dsl = transactions.dsl(workspace);
    dsl.select(PIPELINE_STAGES.ID).from(PIPELINE_STAGES)
        .where(PIPELINE_STAGES.TENANT_ID.eq(workspace.value())).and(PIPELINE_STAGES.ID.eq(from.id().value()))
        .forUpdate().fetch();
    OffsetDateTime when = SqlTime.utc(Timestamps.micros(at));
    // the old updated_at, in SET
    Field<OffsetDateTime> stamp = DSL.field("greatest({0}, {1} + interval '1 microsecond')", OffsetDateTime.class,
        DSL.val(when), DEALS.UPDATED_AT);
    CommonTableExpression<Record2<UUID, OffsetDateTime>> moved = DSL.name("moved").fields("id", "at").as(dsl.update(DEALS)
        .set(DEALS.STAGE_ID, to.id().value())
        .set(DEALS.STAGE_KIND, to.kind().name())
        .set(DEALS.CLOSED_AT, to.kind() == StageKind.OPEN ? DSL.inline((OffsetDateTime) null) : stamp)
        .set(DEALS.UPDATED_AT, stamp)
        .set(DEALS.VERSION, DEALS.VERSION.plus(1))
        .where(DEALS.TENANT_ID.eq(workspace.value()))
        .and(DEALS.STAGE_ID.eq(from.id().value()))
        .returningResult(DEALS.ID, DEALS.UPDATED_AT));
    return translatingViolations(() -> dsl.with(moved)
        .insertInto(DEAL_STAGE_CHANGES, DEAL_STAGE_CHANGES.TENANT_ID, DEAL_STAGE_CHANGES.ID, DEAL_STAGE_CHANGES.DEAL_ID,
            DEAL_STAGE_CHANGES.FROM_STAGE_ID, DEAL_STAGE_CHANGES.FROM_STAGE_NAME, DEAL_STAGE_CHANGES.FROM_STAGE_KIND,
            DEAL_STAGE_CHANGES.TO_STAGE_ID, DEAL_STAGE_CHANGES.TO_STAGE_NAME, DEAL_STAGE_CHANGES.TO_STAGE_KIND,
            DEAL_STAGE_CHANGES.CHANGED_AT, DEAL_STAGE_CHANGES.ACTOR_ID)
        .select(DSL.select(DSL.val(workspace.value()), DSL.field("gen_random_uuid()", UUID.class),
                moved.field("id", UUID.class), DSL.val(from.id().value()), DSL.val(from.name().value()),
                DSL.val(from.kind().name()), DSL.val(to.id().value()), DSL.val(to.name().value()),
                DSL.val(to.kind().name()), moved.field("at", OffsetDateTime.class), DSL.val(actor.value()))
            .from(moved))
        .execute());
  }

  /**
   * One statement: the links go (a data-modifying WITH) and each deal they belonged to moves to
   * its next version; a deal has at most one link to a contact, so the deals updated are the links
   * removed.
   */
  @Override
  public int unlinkContact(WorkspaceId workspace, ContactId contact) {
    DSLContext dsl = transactions.dsl(workspace);
    CommonTableExpression<Record1<UUID>> removed = DSL.name("removed").fields("deal_id").as(dsl
        .deleteFrom(DEAL_CONTACTS)
        .where(DEAL_CONTACTS.TENANT_ID.eq(workspace.value()))
        .and(DEAL_CONTACTS.CONTACT_ID.eq(contact.value()))
        .returningResult(DEAL_CONTACTS.DEAL_ID));
    return dsl.with(removed)
        .update(DEALS)
        .set(DEALS.VERSION, DEALS.VERSION.plus(1))
        .where(DEALS.TENANT_ID.eq(workspace.value()))
        .and(DEALS.ID.in(DSL.select(removed.field("deal_id", UUID.class)).from(removed)))
        .execute();
  }

  private static Condition key(WorkspaceId workspace, DealId id) {
    return DEALS.TENANT_ID.eq(workspace.value()).and(DEALS.ID.eq(id.value()));
  }

  private static int translatingViolations(Supplier<Integer> write) {
    try {
      return write.get();
    } catch (org.jooq.exception.DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "deals_pk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "deal already exists");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "deals_workspace_fk")) {
        throw new NotFoundException("workspace");
      }
      // The keys hold tenant_id: another workspace's record and none at all fail them alike.
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "deals_company_fk")) {
        throw ValidationException.of(FieldError.field("companyId", "is not a company of this workspace"));
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "deal_contacts_contact_fk")) {
        throw ValidationException.of(FieldError.field("contactIds", "must all be contacts of this workspace"));
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "deals_pipeline_fk")) {
        throw ValidationException.of(FieldError.field("pipelineId", "is not a pipeline of this workspace"));
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "deals_stage_fk")) {
        throw ValidationException.of(FieldError.field("stageId", "is not a stage of the deal's pipeline"));
      }
      throw e;
    }
  }
}
