package dev.custodian.crm.persistence.deal;

import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.deal.AbstractDealRepositoryContractTest;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The deal contract through the application role: queries and row-level security together. */
class JooqDealRepositoryTest extends AbstractDealRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected PipelineRepository pipelines() {
    return db.persistence().pipelines();
  }

  @Override
  protected CompanyRepository companies() {
    return db.persistence().companies();
  }

  @Override
  protected ContactRepository contacts() {
    return db.persistence().contacts();
  }

  @Override
  protected DealRepository deals() {
    return db.persistence().deals();
  }

  @Override
  protected CustomFieldRepository customFields() {
    return db.persistence().customFields();
  }

  @Override
  protected CustomValueRepository customValues() {
    return db.persistence().customValues();
  }
}
