package dev.custodian.crm.core.testing;

import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What every port contract needs besides the port under test: the adapter's transactions and the
 * stores of the rows others refer to: workspaces (of workspace-owned rows and memberships),
 * accounts (of sessions and memberships) and memberships (of an account's list of workspaces). A
 * JUnit extension (the in-memory {@link InMemoryPorts}, the jOOQ adapter's {@code TestDatabase},
 * yours) provides it as a parameter, so a contract subclass only supplies its port.
 */
public interface PortFixture {

  Transactions transactions();

  WorkspaceRepository workspaces();

  AccountRepository accounts();

  MembershipRepository memberships();

  /** A fixture that is its own JUnit extension: it hands itself to the contract's set-up. */
  interface Extension extends PortFixture, ParameterResolver {

    @Override
    default boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == PortFixture.class;
    }

    @Override
    default Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return this;
    }
  }
}
