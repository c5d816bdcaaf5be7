package dev.custodian.crm.persistence.activity;

import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import dev.custodian.crm.core.timeline.port.out.TimelineRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the activity feature's entry: its repository, the link check and timelines. */
public final class JooqActivityStores {

  private JooqActivityStores() {}

  public static ActivityRepository activities(JooqTransactions transactions) {
    return new JooqActivityRepository(transactions);
  }

  public static LinkTargets linkTargets(JooqTransactions transactions) {
    return new JooqLinkTargets(transactions);
  }

  public static TimelineRepository timelines(JooqTransactions transactions) {
    return new JooqTimelineRepository(transactions);
  }
}
