/** The task feature: what is to be done about a workspace's contacts, companies and deals, and by which member. */
package dev.custodian.crm.core.task;
