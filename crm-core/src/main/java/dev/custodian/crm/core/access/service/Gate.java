package dev.custodian.crm.core.access.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Credential;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.WorkspaceApiKey;
import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.access.port.out.CredentialLookup;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.UnauthenticatedException;
import dev.custodian.crm.core.session.port.in.Authentication;
import dev.custodian.crm.core.session.service.SessionTokenCheck;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place an actor is let into a workspace: inside the use case's open transaction, with
 * one {@link CredentialLookup} statement, it resolves a {@link Actor.Presented presented}
 * credential (a session token through {@link SessionTokenCheck}, an API key with its revocation
 * and its creator's membership) or takes a known account, and finds the role it has there.
 */
public final class Gate {

  static final String NO_SESSION = "sign in first: there is no valid session";
  static final String BAD_KEY = "the API key is not valid";

  private final CredentialLookup lookup;
  private final ApiKeyRepository apiKeys;
  private final SessionTokenCheck sessions;
  private final Clock clock;

  public Gate(CredentialLookup lookup, ApiKeyRepository apiKeys, SessionTokenCheck sessions, Clock clock) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Lets {@code actor} into {@code workspace}, in its open transaction; empty when a session token
   * lets nobody in, after writes (a reused token's revocation) that the caller must commit before
   * it answers {@link #NO_SESSION}.
   *
   * @throws UnauthenticatedException for a credential that is not valid and wrote nothing
   * @throws NotFoundException for a non-member, or an API key of another workspace
   */
  Optional<Admission> admit(Actor actor, WorkspaceId workspace) {
    return admit(actor, workspace, true);
  }

  /** As {@link #admit(Actor, WorkspaceId)}; {@code mayRotate} false lets a session token due for rotation in unchanged. */
  Optional<Admission> admit(Actor actor, WorkspaceId workspace, boolean mayRotate) {
    if (actor instanceof Actor.SignedIn || actor instanceof Actor.ApiKey) {
      return Optional.of(known(actor, workspace));
    }
    if (!(actor instanceof Actor.Presented presented)) {
      throw new UnauthenticatedException(NO_SESSION); // SYSTEM and ANONYMOUS act in no workspace
    }
    Credential credential = presented.credential();
    if (credential.kind() == Credential.Kind.SESSION) {
      return session(credential, workspace, mayRotate);
    }
    String hash = credential.hash().orElseThrow(() -> new UnauthenticatedException(BAD_KEY));
    CredentialLookup.KeyFound found = lookup.apiKey(hash);
    Actor.ApiKey key = apiKey(found);
    if (!key.workspace().equals(workspace)) {
      throw new NotFoundException("workspace");
    }
    return Optional.of(new Admission(key, key.role(), Optional.empty(), found.workspaceCancelled(),
        found.creatorEmail()));
  }

  /**
   * The key an API key credential is, in the open transaction (any): not revoked, its creator
   * still a member of its workspace, its role capped by theirs; records the use (at most once a
   * minute).
   *
   * @throws UnauthenticatedException otherwise
   */
  Actor.ApiKey apiKey(Credential credential) {
    String hash = credential.hash().orElseThrow(() -> new UnauthenticatedException(BAD_KEY));
    return apiKey(lookup.apiKey(hash));
  }

  private Actor.ApiKey apiKey(CredentialLookup.KeyFound found) {
    // A key dies with its creator's membership.
    WorkspaceApiKey key = found.key().filter(k -> k.revokedAt().isEmpty() && found.creatorRole().isPresent())
        .orElseThrow(() -> new UnauthenticatedException(BAD_KEY));
    Instant now = Timestamps.now(clock);
    if (key.useIsDueAt(now)) {
      apiKeys.recordUse(key.id(), now);
    }
    return new Actor.ApiKey(key.id(), key.workspace(), key.createdBy(), Role.lower(found.creatorRole().get(), key.role()));
  }

  private Optional<Admission> session(Credential credential, WorkspaceId workspace, boolean mayRotate) {
    String hash = credential.hash().orElseThrow(() -> new UnauthenticatedException(NO_SESSION));
    CredentialLookup.SessionFound found = lookup.session(hash, Optional.of(workspace));
    Optional<Authentication> authentication = sessions.admit(found.token(), hash, mayRotate);
    if (authentication.isEmpty()) {
      return Optional.empty();
    }
    Role role = found.role().orElseThrow(() -> new NotFoundException("workspace"));
    return Optional.of(new Admission(Actor.account(authentication.get().account()), role,
        authentication.get().rotated(), found.workspaceCancelled(), found.email()));
  }

  /**
   * {@code admission} with its role as {@code locked} holds it (every member's role, read as the
   * workspace's memberships were locked): the lower of a key's and its creator's for a key.
   *
   * @throws NotFoundException when the actor (or a key's creator) is no member any more
   */
  Admission reread(Admission admission, Map<AccountId, Role> locked) {
    Actor who = admission.actor();
    Role member = Optional.ofNullable(locked.get(who.account())).orElseThrow(() -> new NotFoundException("workspace"));
    Role role = who instanceof Actor.ApiKey key ? Role.lower(member, key.role()) : member;
    return new Admission(who, role, admission.rotated(), admission.workspaceCancelled(), admission.email());
  }

  /** A known account, or a key resolved earlier (by an embedder), let in with its role read now. */
  private Admission known(Actor who, WorkspaceId workspace) {
    if (who instanceof Actor.ApiKey key && !key.workspace().equals(workspace)) {
      throw new NotFoundException("workspace");
    }
    CredentialLookup.MemberFound found = lookup.memberOf(workspace, who.account());
    Role role = found.role().orElseThrow(() -> new NotFoundException("workspace"));
    // A key resolved earlier (by an embedder): the lower of its role and its creator's current one.
    Role effective = who instanceof Actor.ApiKey key ? Role.lower(role, key.role()) : role;
    return new Admission(who, effective, Optional.empty(), found.workspaceCancelled(), Optional.empty());
  }
}
