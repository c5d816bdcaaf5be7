package dev.custodian.crm.privacy;

import dev.custodian.crm.core.Persistence;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.port.out.SuppressionList;
import dev.custodian.crm.core.contact.service.ContactServices;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.tenancy.WorkspaceTransactions;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.core.workspace.service.WorkspaceServices;
import dev.custodian.crm.privacy.crypto.MasterKeyCheck;
import dev.custodian.crm.privacy.erasure.port.in.ErasureUseCases;
import dev.custodian.crm.privacy.erasure.service.ErasureServices;
import dev.custodian.crm.privacy.suppression.HashedSuppressionList;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The library's entry point: every feature's use cases over one persistence and one master key.
 * The bundled server builds itself from it too, so an embedder gets exactly what the server runs.
 *
 * <pre>{@code
 * Custodian custodian = Custodian.builder()
 *     .persistence(JooqPersistence.create(pool))
 *     .keys(MasterKey.fromBase64(System.getenv("CRM_MASTER_KEY")).orElseThrow())
 *     .build();
 * Workspace acme = custodian.workspaces().create().create(CreateWorkspaceCommand.of("Acme", null));
 * }</pre>
 *
 * <p>What cannot be switched off: {@link Builder#build()} checks the master key (32 bytes, not all
 * zero, and the key this database was set up with) before any use case can run, and an erasure
 * always deletes the contact record itself; participants given here only add to it.
 */
public final class Custodian {

  private final WorkspaceUseCases workspaces;
  private final ContactUseCases contacts;
  private final ErasureUseCases erasure;

  private Custodian(Builder builder) {
    Persistence p = builder.persistence;
    WorkspaceTransactions inWorkspace = new WorkspaceTransactions(p.transactions(), p.workspaces());
    SuppressionList suppression = new HashedSuppressionList(p.suppressionEntries(), builder.keys);
    this.workspaces = WorkspaceServices.create(p.transactions(), p.workspaces(), builder.ids, builder.clock);
    this.contacts = ContactServices.create(inWorkspace, p.contacts(), suppression, builder.ids, builder.clock);
    this.erasure = ErasureServices.create(inWorkspace, p.contacts(), suppression, p.erasureReceipts(),
        builder.erasureParticipants, builder.ids, builder.clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Workspaces: create and read. */
  public WorkspaceUseCases workspaces() {
    return workspaces;
  }

  /** Contacts of a workspace: create, read, list, change, delete. */
  public ContactUseCases contacts() {
    return contacts;
  }

  /** Erasure at a person's request, and its receipts. */
  public ErasureUseCases erasure() {
    return erasure;
  }

  /** How the library is put together; {@link #persistence} and {@link #keys} are required. */
  public static final class Builder {

    private Persistence persistence;
    private KeyProvider keys;
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = IdGenerator.random();
    private final List<ErasureParticipant> erasureParticipants = new ArrayList<>();

    private Builder() {}

    /** Every out-port: the jOOQ adapter's {@code JooqPersistence}, or your own. */
    public Builder persistence(Persistence persistence) {
      this.persistence = Objects.requireNonNull(persistence, "persistence");
      return this;
    }

    /** The master key, e.g. {@code MasterKey.fromBase64(...)} or your key management's. */
    public Builder keys(KeyProvider keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /** The clock every stored time is read from; the system's UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** New ids; random (version 4) UUIDs by default. */
    public Builder ids(IdGenerator ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * A store of your own that holds a contact's personal data and must take part in every
     * erasure; it runs before the contact record itself is deleted.
     */
    public Builder erasureParticipant(ErasureParticipant participant) {
      Objects.requireNonNull(participant, "participant");
      // Each name is one line of the receipt: a second "contacts" would hide the record's own count.
      boolean taken = participant.name().equals(ErasureServices.CONTACT_RECORD)
          || erasureParticipants.stream().anyMatch(p -> p.name().equals(participant.name()));
      if (taken) {
        throw new IllegalArgumentException("an erasure participant named " + participant.name() + " is already there");
      }
      erasureParticipants.add(participant);
      return this;
    }

    /**
     * Checks the master key, then builds the use cases.
     *
     * @throws IllegalStateException when persistence or keys are missing
     * @throws MasterKeyCheck.InvalidKeyException when the key is not 32 bytes or is all zero
     * @throws MasterKeyCheck.MismatchException when the database was set up with another key
     */
    public Custodian build() {
      if (persistence == null || keys == null) {
        throw new IllegalStateException("a Custodian needs persistence(...) and keys(...)");
      }
      new MasterKeyCheck(persistence.transactions(), persistence.keyChecks(), keys, clock).verifyOrRecord();
      return new Custodian(this);
    }
  }
}
