package dev.custodian.crm.core.deal;

import dev.custodian.crm.core.common.InMemoryPaging;
import dev.custodian.crm.core.common.InMemoryTenantRepository;
import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.ListFields;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.InMemoryCustomValueRepository;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.pipeline.InMemoryPipelineRepository;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * In-memory fake of {@link DealRepository}; passes the same contract as the jOOQ adapter. A deal's
 * company and contacts must be of its workspace as far as {@code companies} and {@code contacts}
 * see, as the foreign keys say; its history is a second table, dropped with the deal.
 */
public final class InMemoryDealRepository extends InMemoryTenantRepository<DealId, Deal> implements DealRepository {

  /** The deal list's fields, as {@link DealListing#OFFER} names them. */
  public static final ListFields<Deal> LIST_FIELDS = ListFields.<Deal>of(d -> d.id().value())
      .with(DealListing.CREATED_AT, Deal::createdAt)
      .with(DealListing.TITLE, d -> d.title().value())
      .with(DealListing.EXPECTED_CLOSE_DATE, d -> d.expectedCloseDate().orElse(null))
      .with(DealListing.PIPELINE_ID, d -> d.pipeline().value())
      .with(DealListing.STAGE_ID, d -> d.stage().value())
      .with(DealListing.STATUS, d -> d.status().apiName())
      .with(DealListing.COMPANY_ID, d -> d.company().map(CompanyId::value).orElse(null))
      .with(DealListing.CURRENCY, d -> d.amount().map(m -> m.currency().getCurrencyCode()).orElse(null))
      .with(DealListing.AMOUNT, d -> d.amount().map(Money::amount).orElse(null))
      .withEach(DealListing.CONTACT_ID, d -> d.contacts().stream().map(c -> c.value()).toList());

  private static final ListFields<StageChange> HISTORY_FIELDS = ListFields.<StageChange>of(StageChange::id)
      .with(DealListing.CHANGED_AT, StageChange::at);

  private final InMemoryTenantTable<UUID, StageChange> history;
  private final CompanyRepository companies;
  private final ContactRepository contacts;
  private final PipelineRepository pipelines;

  private ListFields<Deal> listFields = LIST_FIELDS;

  /** Lists by custom fields with the values in {@code values}, as the jOOQ adapter reads them. */
  public void listingCustomValuesFrom(InMemoryCustomValueRepository values) {
    listFields = LIST_FIELDS.withCustom(column -> {
      BiFunction<WorkspaceId, RecordRef, Object> read = values.listed(column);
      return d -> read.apply(d.workspace(), new RecordRef(ObjectType.DEAL, d.id().value()));
    });
  }

  public InMemoryDealRepository(InMemoryTransactions transactions, CompanyRepository companies,
      ContactRepository contacts, PipelineRepository pipelines) {
    super(InMemoryTenantTable.builder(transactions, Deal::workspace, Deal::id)
        .duplicateKeyMessage("deal already exists")
        .build());
    this.history = InMemoryTenantTable.builder(transactions, StageChange::workspace, StageChange::id).build();
    this.companies = Objects.requireNonNull(companies, "companies");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
    if (pipelines instanceof InMemoryPipelineRepository fake) {
      fake.occupiedBy(this); // as deals_stage_fk and deals_pipeline_fk keep what deals stand in
    }
  }

  @Override
  public void insert(Deal deal, StageChange created) {
    requireReferencesOfTheWorkspace(deal);
    table.insert(deal);
    history.insert(created);
  }

  private CustomValueRepository customValues;

  /** Reads each deal's custom values from {@code values}, as the jOOQ adapter reads them with the row. */
  public void readingCustomValuesFrom(CustomValueRepository values) {
    this.customValues = java.util.Objects.requireNonNull(values, "values");
  }

  private Deal withCustom(Deal deal) {
    return customValues == null ? deal : deal.withCustom(
        customValues.read(deal.workspace(), new RecordRef(ObjectType.DEAL, deal.id().value())));
  }

  @Override
  public Optional<Deal> findById(WorkspaceId workspace, DealId id) {
    return table.find(workspace, id).map(this::withCustom);
  }

  @Override
  public UnknownReferences unknownReferences(WorkspaceId workspace, Optional<CompanyId> company,
      java.util.Set<dev.custodian.crm.core.contact.ContactId> contactIds) {
    return new UnknownReferences(company.filter(c -> companies.findById(workspace, c).isEmpty()).isPresent(),
        contactIds.stream().filter(c -> contacts.findById(workspace, c).isEmpty()).collect(Collectors.toSet()));
  }

  @Override
  public Page<Deal> list(WorkspaceId workspace, ListQuery query) {
    return table.list(workspace, query.requireOffer(DealListing.OFFER), listFields).map(this::withCustom);
  }

  @Override
  public boolean update(Deal changed, long expectedVersion, Optional<StageChange> move) {
    boolean current = findById(changed.workspace(), changed.id())
        .filter(stored -> stored.version() == expectedVersion).isPresent();
    if (!current) {
      return false;
    }
    requireReferencesOfTheWorkspace(changed);
    if (!table.replace(changed)) {
      return false;
    }
    move.ifPresent(history::insert);
    return true;
  }

  @Override
  public boolean delete(WorkspaceId workspace, DealId id, OptionalLong expectedVersion) {
    boolean matches = findById(workspace, id)
        .filter(stored -> expectedVersion.isEmpty() || stored.version() == expectedVersion.getAsLong())
        .isPresent();
    if (!matches || !table.remove(workspace, id)) {
      return false;
    }
    List<StageChange> entries = history.visible(workspace).filter(c -> c.deal().equals(id)).toList();
    entries.forEach(c -> history.remove(workspace, c.id()));
    return true;
  }

  @Override
  public Page<StageChange> history(WorkspaceId workspace, DealId deal, ListQuery query) {
    return InMemoryPaging.page(
        history.visible(workspace).filter(c -> c.deal().equals(deal)),
        query.requireOffer(DealListing.HISTORY_OFFER), HISTORY_FIELDS);
  }

  @Override
  public int unlinkCompany(WorkspaceId workspace, CompanyId company) {
    List<Deal> linked = table.visible(workspace).filter(d -> d.company().equals(Optional.of(company))).toList();
    linked.forEach(d -> table.replace(d.unlinkedFromCompany()));
    return linked.size();
  }

  @Override
  public List<PipelineSummary.Row> summary(WorkspaceId workspace, PipelineId pipeline, List<Filter> filters) {
    Optional<Pipeline> found = pipelines.findById(workspace, pipeline);
    if (found.isEmpty()) {
      return List.of();
    }
    List<PipelineSummary.Row> rows = new ArrayList<>();
    for (Stage stage : found.get().stages()) {
      List<Deal> in = table.visible(workspace)
          .filter(d -> d.stage().equals(stage.id()) && InMemoryPaging.matches(d, filters, LIST_FIELDS)).toList();
      Map<Optional<Currency>, List<Deal>> byCurrency = in.stream()
          .collect(Collectors.groupingBy(d -> d.amount().map(Money::currency)));
      if (byCurrency.isEmpty()) {
        byCurrency = Map.of(Optional.empty(), List.of());
      }
      byCurrency.forEach((currency, deals) -> rows.add(new PipelineSummary.Row(stage.id(), stage.name(), stage.kind(),
          stage.probability().value(), stage.position(), currency, deals.size(),
          currency.isEmpty() ? null : deals.stream().map(d -> d.amount().orElseThrow().amount())
              .reduce(BigDecimal.ZERO, BigDecimal::add))));
    }
    return rows;
  }

  @Override
  public boolean anyIn(WorkspaceId workspace, dev.custodian.crm.core.pipeline.StageId stage) {
    return table.visible(workspace).anyMatch(d -> d.stage().equals(stage));
  }

  @Override
  public int moveAll(WorkspaceId workspace, Stage from, Stage to, java.time.Instant at,
      dev.custodian.crm.core.account.AccountId actor) {
    List<Deal> in = table.visible(workspace).filter(d -> d.stage().equals(from.id())).toList();
    for (Deal deal : in) {
      java.time.Instant after = deal.updatedAt().plus(1, java.time.temporal.ChronoUnit.MICROS);
      java.time.Instant stamp = at.isAfter(after) ? at : after;
      table.replace(deal.changed(deal.title(), deal.amount(), deal.pipeline(), to.id(), to.kind(),
          deal.expectedCloseDate(), deal.company(), deal.contacts(), stamp));
      history.insert(new StageChange(workspace, UUID.randomUUID(), deal.id(), Optional.of(StageSnapshot.of(from)),
          StageSnapshot.of(to), stamp, Optional.of(actor)));
    }
    return in.size();
  }

  @Override
  public int unlinkContact(WorkspaceId workspace, dev.custodian.crm.core.contact.ContactId contact) {
    List<Deal> linked = table.visible(workspace).filter(d -> d.contacts().contains(contact)).toList();
    linked.forEach(d -> table.replace(d.withoutContact(contact)));
    return linked.size();
  }

  /** The foreign keys' checks: the company and contacts are the deal's workspace's, as far as it can see. */
  private void requireReferencesOfTheWorkspace(Deal deal) {
    boolean unknownCompany = deal.company()
        .filter(company -> companies.findById(deal.workspace(), company).isEmpty()).isPresent();
    if (unknownCompany) {
      throw ValidationException.of(FieldError.field("companyId", "is not a company of this workspace"));
    }
    boolean unknownContact = deal.contacts().stream()
        .anyMatch(contact -> contacts.findById(deal.workspace(), contact).isEmpty());
    if (unknownContact) {
      throw ValidationException.of(FieldError.field("contactIds", "must all be contacts of this workspace"));
    }
  }
}
