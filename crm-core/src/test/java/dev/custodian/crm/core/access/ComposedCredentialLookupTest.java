package dev.custodian.crm.core.access;

import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.access.port.out.CredentialLookup;
import dev.custodian.crm.core.session.InMemorySessionRepository;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The credential-lookup contract on {@link CredentialLookup#composed}, over the in-memory stores. */
class ComposedCredentialLookupTest extends AbstractCredentialLookupContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();
  private final InMemorySessionRepository sessionStore = new InMemorySessionRepository(ports.transactions());
  private final InMemoryApiKeyRepository keyStore = new InMemoryApiKeyRepository(ports.transactions());

  @Override
  protected CredentialLookup lookup() {
    return CredentialLookup.composed(sessionStore, keyStore, ports.memberships());
  }

  @Override
  protected SessionRepository sessions() {
    return sessionStore;
  }

  @Override
  protected ApiKeyRepository apiKeys() {
    return keyStore;
  }
}
