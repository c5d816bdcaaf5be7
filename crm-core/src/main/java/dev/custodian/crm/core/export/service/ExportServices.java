package dev.custodian.crm.core.export.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.activity.ActivityListing;
import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyListing;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.ExportedContact;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.service.CustomListQueries;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.deal.DealListing;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.export.port.in.ExportListUseCase;
import dev.custodian.crm.core.export.port.in.ExportSink;
import dev.custodian.crm.core.export.port.in.ExportWorkspaceUseCase;
import dev.custodian.crm.core.export.port.in.WorkspaceSnapshot;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.task.Task;
import dev.custodian.crm.core.task.TaskListing;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The list exports: each one snapshot transaction ({@link WorkspaceTransactions#inWorkspaceSnapshot})
 * that lets the actor in, reads the custom field definitions (the columns) and streams the rows
 * to the sink, so definitions, rows and their joined values are of one instant.
 */
public final class ExportServices implements ExportListUseCase, ExportWorkspaceUseCase {

  private final WorkspaceTransactions transactions;
  private final ContactRepository contacts;
  private final CompanyRepository companies;
  private final DealRepository deals;
  private final CustomFieldRepository customFields;
  private final PipelineRepository pipelines;
  private final ActivityRepository activities;
  private final TaskRepository tasks;
  /** A list's {@code custom.<key>} filters and sort, read against the workspace's definitions in the snapshot. */
  private final CustomListQueries lists;

  public ExportServices(WorkspaceTransactions transactions, ContactRepository contacts, CompanyRepository companies,
      DealRepository deals, CustomFieldRepository customFields, PipelineRepository pipelines,
      ActivityRepository activities, TaskRepository tasks) {
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
    this.activities = Objects.requireNonNull(activities, "activities");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.companies = Objects.requireNonNull(companies, "companies");
    this.deals = Objects.requireNonNull(deals, "deals");
    this.customFields = Objects.requireNonNull(customFields, "customFields");
    this.lists = new CustomListQueries(customFields);
  }

  @Override
  public void contacts(Actor actor, WorkspaceId workspace, ListQuery query, boolean includeSensitive,
      ExportSink<ExportedContact> sink) {
    ListQuery checked = query.requireOffer(ContactListing.OFFER);
    transactions.inWorkspaceSnapshot(workspace, actor, Permission.DATA_EXPORT, () -> {
      List<CustomField> exported = exported(workspace, ObjectType.CONTACT, includeSensitive);
      sink.start(exported);
      contacts.export(workspace, lists.resolve(workspace, ObjectType.CONTACT, checked), exported, sink::row);
      return null;
    });
  }

  /**
   * Companies with their custom values, a column per field; sensitive fields only when
   * {@code includeSensitive} (CRM-01).
   */
  @Override
  public void companies(Actor actor, WorkspaceId workspace, ListQuery query, boolean includeSensitive,
      ExportSink<Company> sink) {
    ListQuery checked = query.requireOffer(CompanyListing.OFFER);
    transactions.inWorkspaceSnapshot(workspace, actor, Permission.DATA_EXPORT, () -> {
      List<CustomField> exported = exported(workspace, ObjectType.COMPANY, includeSensitive);
      sink.start(exported);
      companies.export(workspace, lists.resolve(workspace, ObjectType.COMPANY, checked), exported, sink::row);
      return null;
    });
  }

  /**
   * Deals with their custom values, a column per field; sensitive fields only when
   * {@code includeSensitive} (CRM-01).
   */
  @Override
  public void deals(Actor actor, WorkspaceId workspace, ListQuery query, boolean includeSensitive,
      ExportSink<Deal> sink) {
    ListQuery checked = query.requireOffer(DealListing.OFFER);
    transactions.inWorkspaceSnapshot(workspace, actor, Permission.DATA_EXPORT, () -> {
      List<CustomField> exported = exported(workspace, ObjectType.DEAL, includeSensitive);
      sink.start(exported);
      deals.export(workspace, lists.resolve(workspace, ObjectType.DEAL, checked), exported, sink::row);
      return null;
    });
  }

  /** The fields whose values a list export holds: every one of the type, sensitive ones only when asked (CRM-01). */
  private List<CustomField> exported(WorkspaceId workspace, ObjectType type, boolean includeSensitive) {
    List<CustomField> definitions = customFields.list(workspace, type);
    return includeSensitive ? definitions : definitions.stream().filter(field -> !field.sensitive()).toList();
  }

  @Override
  public void export(Actor actor, WorkspaceId workspace, Consumer<WorkspaceSnapshot> writer) {
    Objects.requireNonNull(writer, "writer");
    transactions.inWorkspaceSnapshot(workspace, actor, Permission.DATA_EXPORT, () -> {
      // First, while the snapshot is young: the chain's head is written here.
      transactions.audit(workspace, actor, AuditAction.WORKSPACE_EXPORTED, AuditTargetType.WORKSPACE,
          workspace.value(), AuditDetails.none());
      writer.accept(new Snapshot(workspace));
      return null;
    });
  }

  /** The snapshot's reads, each through its repository's export or list walk, in the open transaction. */
  private final class Snapshot implements WorkspaceSnapshot {

    private final WorkspaceId workspace;
    private List<CustomField> definitions;

    Snapshot(WorkspaceId workspace) {
      this.workspace = workspace;
    }

    @Override
    public List<CustomField> customFields() {
      if (definitions == null) {
        List<CustomField> all = new ArrayList<>();
        for (ObjectType type : ObjectType.values()) {
          all.addAll(customFields.list(workspace, type));
        }
        definitions = List.copyOf(all);
      }
      return definitions;
    }

    @Override
    public void contacts(Consumer<? super ExportedContact> sink) {
      contacts.export(workspace, ListQuery.first(ContactListing.OFFER, PageRequest.MAX_LIMIT), of(ObjectType.CONTACT),
          sink);
    }

    @Override
    public void companies(Consumer<? super Company> sink) {
      companies.export(workspace, ListQuery.first(CompanyListing.OFFER, PageRequest.MAX_LIMIT), of(ObjectType.COMPANY),
          sink);
    }

    /** The type's fields, all of them (a workspace export holds sensitive values too). */
    private List<CustomField> of(ObjectType type) {
      return customFields().stream().filter(field -> field.objectType() == type).toList();
    }

    @Override
    public List<Pipeline> pipelines() {
      return pipelines.list(workspace);
    }

    @Override
    public void deals(Consumer<? super Deal> sink) {
      deals.export(workspace, ListQuery.first(DealListing.OFFER, PageRequest.MAX_LIMIT), of(ObjectType.DEAL), sink);
    }

    @Override
    public void activities(Consumer<? super Activity> sink) {
      ListQuery.first(ActivityListing.OFFER, PageRequest.MAX_LIMIT).forEachRow(q -> activities.list(workspace, q), sink);
    }

    @Override
    public void tasks(Consumer<? super Task> sink) {
      ListQuery.first(TaskListing.OFFER, PageRequest.MAX_LIMIT).forEachRow(q -> tasks.list(workspace, q), sink);
    }
  }
}
