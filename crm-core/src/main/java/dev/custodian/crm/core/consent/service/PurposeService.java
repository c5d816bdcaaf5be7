package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.consent.LegalBasis;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.PurposeText;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.core.consent.port.in.CreatePurposeCommand;
import dev.custodian.crm.core.consent.port.in.UpdatePurposeCommand;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Service: declares, lists, changes and retires a workspace's purposes. */
public final class PurposeService implements ConsentUseCases.Purposes {

  private final WorkspaceTransactions transactions;
  private final PurposeRepository purposes;
  private final Clock clock;

  public PurposeService(WorkspaceTransactions transactions, PurposeRepository purposes, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.purposes = Objects.requireNonNull(purposes, "purposes");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<Purpose> list(Actor actor, WorkspaceId workspace) {
    return transactions.inWorkspace(workspace, actor, Permission.CONSENT_READ, () -> purposes.list(workspace));
  }

  @Override
  public Purpose get(Actor actor, WorkspaceId workspace, PurposeKey key) {
    return transactions.inWorkspace(workspace, actor, Permission.CONSENT_READ, () -> purposes.find(workspace, key)
        .orElseThrow(() -> new NotFoundException("purpose")));
  }

  @Override
  public Purpose create(Actor actor, CreatePurposeCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.CONSENT_MANAGE, () -> {
      Purpose purpose = Purpose.create(command.workspace(), command.key(), command.name(), command.description(),
          command.basis(), command.basisJustification(), command.directMarketing(), command.doubleOptIn(),
          Timestamps.now(clock));
      // The entry goes first: a key taken fails the insert, and the transaction takes the entry back with it.
      transactions.audit(command.workspace(), actor, AuditAction.PURPOSE_CREATED, AuditTargetType.PURPOSE,
          purpose.key().auditId(), AuditDetails.none().withName(AuditDetails.Key.BASIS, purpose.basis()));
      purposes.insert(purpose);
      return purpose;
    });
  }

  @Override
  public Purpose update(Actor actor, UpdatePurposeCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.CONSENT_MANAGE, () -> {
      Purpose current = purposes.find(command.workspace(), command.key())
          .orElseThrow(() -> new NotFoundException("purpose"));
      if (current.version() != command.expectedVersion()) {
        throw PreconditionFailedException.stale("purpose");
      }
      PurposeText name = command.name() instanceof PatchValue.Set<PurposeText> set ? set.value() : current.name();
      Optional<PurposeText> description = optional(command.description(), current.description());
      Optional<PurposeText> justification = optional(command.basisJustification(), current.basisJustification());
      boolean marketing = command.directMarketing() instanceof PatchValue.Set<Boolean> set
          ? set.value() : current.directMarketing();
      boolean optIn = command.doubleOptIn() instanceof PatchValue.Set<Boolean> set ? set.value() : current.doubleOptIn();
      List<FieldError> errors = new ArrayList<>();
      if (current.basis() != LegalBasis.CONSENT && justification.isEmpty()) {
        errors.add(FieldError.field("basisJustification", "is required for a basis other than CONSENT"));
      }
      if (optIn && current.basis() != LegalBasis.CONSENT) {
        errors.add(FieldError.field("doubleOptIn", "is for CONSENT purposes only"));
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      Purpose changed = current.changed(name, description, justification, marketing, optIn, Timestamps.now(clock));
      if (changed.name().equals(current.name()) && changed.description().equals(current.description())
          && changed.basisJustification().equals(current.basisJustification())
          && marketing == current.directMarketing() && optIn == current.doubleOptIn()) {
        return current; // a change that changes nothing: no new version
      }
      if (!purposes.update(changed, command.expectedVersion())) {
        throw PreconditionFailedException.stale("purpose");
      }
      transactions.audit(command.workspace(), actor, AuditAction.PURPOSE_CHANGED, AuditTargetType.PURPOSE,
          current.key().auditId(), AuditDetails.none().withFields(AuditDetails.Key.FIELDS, changedFields(current, changed)));
      return changed;
    });
  }

  @Override
  public Purpose retire(Actor actor, WorkspaceId workspace, PurposeKey key) {
    return transactions.inWorkspace(workspace, actor, Permission.CONSENT_MANAGE, () -> {
      Purpose current = purposes.find(workspace, key).orElseThrow(() -> new NotFoundException("purpose"));
      if (current.isRetired()) {
        return current;
      }
      Purpose retired = current.retired(Timestamps.now(clock));
      if (!purposes.update(retired, current.version())) {
        throw PreconditionFailedException.stale("purpose");
      }
      transactions.audit(workspace, actor, AuditAction.PURPOSE_RETIRED, AuditTargetType.PURPOSE, key.auditId(),
          AuditDetails.none());
      return retired;
    });
  }

  /** The names of the fields a change changed (the audit entry's details: names, never values). */
  private static List<String> changedFields(Purpose before, Purpose after) {
    List<String> fields = new ArrayList<>();
    if (!before.name().equals(after.name())) {
      fields.add("name");
    }
    if (!before.description().equals(after.description())) {
      fields.add("description");
    }
    if (!before.basisJustification().equals(after.basisJustification())) {
      fields.add("basisJustification");
    }
    if (before.directMarketing() != after.directMarketing()) {
      fields.add("directMarketing");
    }
    if (before.doubleOptIn() != after.doubleOptIn()) {
      fields.add("doubleOptIn");
    }
    return fields;
  }

  private static <T> Optional<T> optional(PatchValue<T> patch, Optional<T> current) {
    if (patch instanceof PatchValue.Set<T> set) {
      return Optional.of(set.value());
    }
    return patch instanceof PatchValue.Clear<T> ? Optional.empty() : current;
  }
}
