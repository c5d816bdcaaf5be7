package dev.custodian.crm.persistence.access;

import static dev.custodian.crm.persistence.generated.Tables.ACCOUNTS;
import static dev.custodian.crm.persistence.generated.Tables.API_KEYS;
import static dev.custodian.crm.persistence.generated.Tables.MEMBERSHIPS;
import static dev.custodian.crm.persistence.generated.Tables.SESSIONS;
import static dev.custodian.crm.persistence.generated.Tables.SESSION_TOKENS;
import static dev.custodian.crm.persistence.generated.Tables.WORKSPACES;

import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.port.out.CredentialLookup;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.session.JooqSessionStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link CredentialLookup} as one statement each. Each outer-joins the
 * credential's rows and the membership to a one-row table, so it answers exactly one row whether
 * or not anything matched (with the account's email, for the audit entries of the request), and selects the transaction's tenant binding ahead of them when it is
 * the transaction's first statement: the platform tables it reads need no binding, and every
 * later statement of the transaction finds it set.
 */
final class JooqCredentialLookup implements CredentialLookup {

  private static final Table<?> ONE_ROW = DSL.selectOne().asTable("one_row");

  private final JooqTransactions transactions;

  JooqCredentialLookup(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public SessionFound session(String tokenHash, Optional<WorkspaceId> workspace) {
    List<SelectField<?>> fields = withBinding();
    fields.addAll(List.of(SESSIONS.fields()));
    fields.add(SESSION_TOKENS.ISSUED_AT);
    fields.add(SESSION_TOKENS.REPLACED_AT);
    fields.add(MEMBERSHIPS.ROLE);
    fields.add(WORKSPACES.STATUS);
    fields.add(ACCOUNTS.EMAIL);
    Condition membership = workspace
        .map(w -> MEMBERSHIPS.WORKSPACE_ID.eq(w.value()).and(MEMBERSHIPS.ACCOUNT_ID.eq(SESSIONS.ACCOUNT_ID)))
        .orElse(DSL.falseCondition());
    Record row = transactions.dsl().select(fields).from(ONE_ROW)
        .leftJoin(SESSION_TOKENS).on(SESSION_TOKENS.TOKEN_HASH.eq(tokenHash))
        .leftJoin(SESSIONS).on(SESSIONS.ID.eq(SESSION_TOKENS.SESSION_ID))
        .leftJoin(MEMBERSHIPS).on(membership)
        .leftJoin(WORKSPACES).on(workspace.map(w -> WORKSPACES.ID.eq(w.value())).orElse(DSL.falseCondition()))
        .leftJoin(ACCOUNTS).on(ACCOUNTS.ID.eq(SESSIONS.ACCOUNT_ID))
        .fetchSingle();
    return new SessionFound(JooqSessionStores.tokenOf(row), role(row), cancelled(row),
        Optional.ofNullable(row.get(ACCOUNTS.EMAIL)));
  }

  @Override
  public KeyFound apiKey(String tokenHash) {
    List<SelectField<?>> fields = withBinding();
    fields.addAll(List.of(API_KEYS.fields()));
    fields.add(MEMBERSHIPS.ROLE);
    fields.add(WORKSPACES.STATUS);
    fields.add(ACCOUNTS.EMAIL);
    Record row = transactions.dsl().select(fields).from(ONE_ROW)
        .leftJoin(API_KEYS).on(API_KEYS.TOKEN_HASH.eq(tokenHash))
        .leftJoin(MEMBERSHIPS).on(MEMBERSHIPS.WORKSPACE_ID.eq(API_KEYS.WORKSPACE_ID)
            .and(MEMBERSHIPS.ACCOUNT_ID.eq(API_KEYS.CREATED_BY)))
        .leftJoin(WORKSPACES).on(WORKSPACES.ID.eq(API_KEYS.WORKSPACE_ID))
        .leftJoin(ACCOUNTS).on(ACCOUNTS.ID.eq(API_KEYS.CREATED_BY))
        .fetchSingle();
    return new KeyFound(
        row.get(API_KEYS.ID) == null ? Optional.empty() : Optional.of(JooqApiKeyRepository.toKey(row.into(API_KEYS))),
        role(row), cancelled(row), Optional.ofNullable(row.get(ACCOUNTS.EMAIL)));
  }

  @Override
  public Optional<Role> member(WorkspaceId workspace, AccountId account) {
    List<SelectField<?>> fields = withBinding();
    fields.add(MEMBERSHIPS.ROLE);
    Record row = transactions.dsl().select(fields).from(ONE_ROW)
        .leftJoin(MEMBERSHIPS).on(MEMBERSHIPS.WORKSPACE_ID.eq(workspace.value())
            .and(MEMBERSHIPS.ACCOUNT_ID.eq(account.value())))
        .fetchSingle();
    return role(row);
  }

  @Override
  public MemberFound memberOf(WorkspaceId workspace, AccountId account) {
    List<SelectField<?>> fields = withBinding();
    fields.add(MEMBERSHIPS.ROLE);
    fields.add(WORKSPACES.STATUS);
    Record row = transactions.dsl().select(fields).from(ONE_ROW)
        .leftJoin(MEMBERSHIPS).on(MEMBERSHIPS.WORKSPACE_ID.eq(workspace.value())
            .and(MEMBERSHIPS.ACCOUNT_ID.eq(account.value())))
        .leftJoin(WORKSPACES).on(WORKSPACES.ID.eq(workspace.value()))
        .fetchSingle();
    return new MemberFound(role(row), cancelled(row));
  }

  /** The select list so far: the tenant binding when this is the transaction's first statement. */
  private List<SelectField<?>> withBinding() {
    List<SelectField<?>> fields = new ArrayList<>();
    transactions.takeTenantBinding().ifPresent(fields::add);
    return fields;
  }

  private static boolean cancelled(Record row) {
    return "CANCELLED".equals(row.get(WORKSPACES.STATUS));
  }

  private static Optional<Role> role(Record row) {
    return Optional.ofNullable(row.get(MEMBERSHIPS.ROLE)).map(Role::valueOf);
  }
}
