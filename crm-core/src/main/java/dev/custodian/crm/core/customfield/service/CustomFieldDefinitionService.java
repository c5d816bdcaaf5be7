package dev.custodian.crm.core.customfield.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldId;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.FieldLabel;
import dev.custodian.crm.core.customfield.FieldOption;
import dev.custodian.crm.core.customfield.FieldOptionId;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.port.in.CreateCustomFieldCommand;
import dev.custodian.crm.core.customfield.port.in.CreateCustomFieldUseCase;
import dev.custodian.crm.core.customfield.port.in.DeleteCustomFieldCommand;
import dev.custodian.crm.core.customfield.port.in.DeleteCustomFieldUseCase;
import dev.custodian.crm.core.customfield.port.in.GetCustomFieldUseCase;
import dev.custodian.crm.core.customfield.port.in.ListCustomFieldsUseCase;
import dev.custodian.crm.core.customfield.port.in.NewOption;
import dev.custodian.crm.core.customfield.port.in.UpdateCustomFieldCommand;
import dev.custodian.crm.core.customfield.port.in.UpdateCustomFieldUseCase;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Service: the custom field definitions' use cases (ADMIN writes, VIEWER reads), each one
 * workspace transaction. A definition is found only through its own object type's path: another
 * type's id is a 404, as one that does not exist. Options keep their ids while their keys stay.
 */
public final class CustomFieldDefinitionService implements CreateCustomFieldUseCase, GetCustomFieldUseCase,
    ListCustomFieldsUseCase, UpdateCustomFieldUseCase, DeleteCustomFieldUseCase {

  private final WorkspaceTransactions transactions;
  private final CustomFieldRepository fields;
  private final IdGenerator ids;
  private final Clock clock;

  public CustomFieldDefinitionService(WorkspaceTransactions transactions, CustomFieldRepository fields,
      IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.fields = Objects.requireNonNull(fields, "fields");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CustomField create(Actor actor, CreateCustomFieldCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.CUSTOM_FIELD_MANAGE, () -> {
      CustomField field = CustomField.create(command.workspace(), CustomFieldId.of(ids.newId()),
          command.objectType(), command.key(), command.type(), command.label(), command.sensitive(),
          options(command.options(), Map.of()), Timestamps.now(clock));
      // Insert, then count: the insert takes the object type's count lock, so the count includes
      // every creation committed meanwhile and two cannot both pass the limit; over it, all rolls back.
      fields.insert(field);
      if (fields.count(command.workspace(), command.objectType()) > CustomField.MAX_PER_OBJECT_TYPE) {
        throw new ConflictException(ConflictException.Kind.LIMIT_REACHED, "an object type has at most "
            + CustomField.MAX_PER_OBJECT_TYPE + " custom fields; delete one first");
      }
      transactions.audit(command.workspace(), actor, AuditAction.CUSTOM_FIELD_CREATED, AuditTargetType.CUSTOM_FIELD,
          field.id().value(), described(field).withName(AuditDetails.Key.TYPE, field.type())
              .withCount(AuditDetails.Key.COUNT, field.options().size()));
      return field;
    });
  }

  @Override
  public CustomField get(Actor actor, WorkspaceId workspace, ObjectType objectType, CustomFieldId id) {
    return transactions.inWorkspace(workspace, actor, Permission.CUSTOM_FIELD_READ,
        () -> find(workspace, objectType, id));
  }

  @Override
  public List<CustomField> list(Actor actor, WorkspaceId workspace, ObjectType objectType) {
    return transactions.inWorkspace(workspace, actor, Permission.CUSTOM_FIELD_READ,
        () -> fields.list(workspace, objectType));
  }

  @Override
  public CustomField update(Actor actor, UpdateCustomFieldCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.CUSTOM_FIELD_MANAGE, () -> {
      CustomField current = find(command.workspace(), command.objectType(), command.id());
      Validator v = new Validator();
      List<NewOption> given = command.options(v, current.type().hasOptions());
      v.throwIfInvalid();
      if (current.version() != command.expectedVersion()) {
        throw PreconditionFailedException.stale("custom field");
      }
      FieldLabel label = command.label() instanceof PatchValue.Set<FieldLabel> set ? set.value() : current.label();
      boolean sensitive = command.sensitive() instanceof PatchValue.Set<Boolean> set ? set.value() : current.sensitive();
      List<FieldOption> options = given == null ? current.options() : options(given,
          current.options().stream().collect(Collectors.toMap(FieldOption::key, FieldOption::id)));
      if (label.equals(current.label()) && sensitive == current.sensitive() && options.equals(current.options())) {
        return current; // a change that changes nothing: no new version, nothing written
      }
      CustomField changed = current.changed(label, sensitive, options, Timestamps.now(clock));
      if (!fields.update(changed, command.expectedVersion())) {
        throw PreconditionFailedException.stale("custom field");
      }
      List<String> what = new java.util.ArrayList<>();
      if (!label.equals(current.label())) {
        what.add("label");
      }
      if (sensitive != current.sensitive()) {
        what.add("sensitive");
      }
      if (!options.equals(current.options())) {
        what.add("options");
      }
      transactions.audit(command.workspace(), actor, AuditAction.CUSTOM_FIELD_CHANGED, AuditTargetType.CUSTOM_FIELD,
          changed.id().value(), described(changed).withFields(AuditDetails.Key.FIELDS, what));
      return changed;
    });
  }

  @Override
  public void delete(Actor actor, DeleteCustomFieldCommand command) {
    transactions.inWorkspace(command.workspace(), actor, Permission.CUSTOM_FIELD_MANAGE, () -> {
      CustomField current = find(command.workspace(), command.objectType(), command.id());
      if (current.version() != command.expectedVersion()
          || !fields.delete(command.workspace(), command.id(), command.expectedVersion())) {
        throw PreconditionFailedException.stale("custom field");
      }
      transactions.audit(command.workspace(), actor, AuditAction.CUSTOM_FIELD_DELETED, AuditTargetType.CUSTOM_FIELD,
          current.id().value(), described(current));
      return null;
    });
  }

  /**
   * What an entry says of a field: its object type and whether it is sensitive, never its key or
   * label (an administrator's free text, which may name what the field is about).
   */
  private static AuditDetails described(CustomField field) {
    return AuditDetails.none().withName(AuditDetails.Key.OBJECT_TYPE, field.objectType())
        .withName(AuditDetails.Key.SENSITIVITY, field.sensitive() ? Sensitivity.SENSITIVE : Sensitivity.ORDINARY);
  }

  /** Whether a field's values are sensitive (CRM-01), as an audit detail names it. */
  private enum Sensitivity { SENSITIVE, ORDINARY }

  private CustomField find(WorkspaceId workspace, ObjectType objectType, CustomFieldId id) {
    return fields.findById(workspace, id).filter(f -> f.objectType() == objectType)
        .orElseThrow(() -> new NotFoundException("custom field"));
  }

  /** The options given, each with the id its key had ({@code existing}) or a new one. */
  private List<FieldOption> options(List<NewOption> given, Map<FieldKey, FieldOptionId> existing) {
    Function<FieldKey, FieldOptionId> idOf = key -> Optional.ofNullable(existing.get(key))
        .orElseGet(() -> FieldOptionId.of(ids.newId()));
    return given.stream().map(o -> new FieldOption(idOf.apply(o.key()), o.key(), o.label())).toList();
  }
}
