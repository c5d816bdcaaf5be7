package dev.custodian.crm.core.access.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.ApiKeyId;
import dev.custodian.crm.core.access.Credential;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.WorkspaceApiKey;
import dev.custodian.crm.core.access.port.in.AuthenticateApiKeyUseCase;
import dev.custodian.crm.core.access.port.in.CreateApiKeyCommand;
import dev.custodian.crm.core.access.port.in.CreateApiKeyUseCase;
import dev.custodian.crm.core.access.port.in.CreatedApiKey;
import dev.custodian.crm.core.access.port.in.ListApiKeysUseCase;
import dev.custodian.crm.core.access.port.in.RevokeApiKeyUseCase;
import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Services of API keys: made, listed and revoked by a signed-in ADMIN; each use checked and recorded. */
final class ApiKeyService implements CreateApiKeyUseCase, ListApiKeysUseCase, RevokeApiKeyUseCase,
    AuthenticateApiKeyUseCase {

  /** What an API key looks like; anything else is not looked up, nor even hashed. */

  private final Transactions platform;
  private final WorkspaceTransactions transactions;
  private final ApiKeyRepository apiKeys;
  private final Gate gate;
  private final TokenGenerator tokens;
  private final IdGenerator ids;
  private final Clock clock;

  ApiKeyService(Transactions platform, WorkspaceTransactions transactions, ApiKeyRepository apiKeys,
      Gate gate, TokenGenerator tokens, IdGenerator ids, Clock clock) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CreatedApiKey create(Actor actor, CreateApiKeyCommand command) {
    // Locked: serialised with removals, or a key made while its creator is removed would outlive
    // the revocation of the creator's keys.
    return transactions.inLockedWorkspaceAs(command.workspace(), actor, Permission.API_KEY_MANAGE, admission -> {
      if (!admission.role().isAtLeast(command.role())) {
        throw new ForbiddenException("a key's role is never above its creator's");
      }
      String token = tokens.newToken(WorkspaceApiKey.TOKEN_PREFIX);
      WorkspaceApiKey key = WorkspaceApiKey.create(new ApiKeyId(ids.newId()), command.workspace(), command.name(),
          command.role(), actor.account(), Timestamps.now(clock));
      apiKeys.insert(key, TokenHash.of(token));
      transactions.audit(command.workspace(), actor, AuditAction.API_KEY_CREATED, AuditTargetType.API_KEY,
          key.id().value(), AuditDetails.none().withName(AuditDetails.Key.ROLE, command.role()));
      return new CreatedApiKey(key, token);
    });
  }

  @Override
  public Page<WorkspaceApiKey> list(Actor actor, PageQuery query) {
    return transactions.page(actor, Permission.API_KEY_MANAGE, query, apiKeys::list);
  }

  @Override
  public void revoke(Actor actor, WorkspaceId workspace, ApiKeyId key) {
    Instant now = Timestamps.now(clock);
    transactions.inWorkspace(workspace, actor, Permission.API_KEY_MANAGE, () -> {
      if (!apiKeys.revoke(workspace, key, now)) {
        throw new NotFoundException("API key");
      }
      transactions.audit(workspace, actor, AuditAction.API_KEY_REVOKED, AuditTargetType.API_KEY, key.value(),
          AuditDetails.none());
      return null;
    });
  }

  @Override
  public Actor.ApiKey authenticate(String token) {
    return platform.inPlatform(() -> gate.apiKey(Credential.apiKey(token)));
  }
}
