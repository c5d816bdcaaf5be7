package dev.custodian.crm.core.task.service;

/** What the task services say about an assignee. */
final class TaskFields {

  static final String ASSIGNEE_ID = "assigneeId";
  static final String NOT_A_MEMBER = "must be a member of this workspace";

  private TaskFields() {}
}
