/**
 * Deliberately bad classes that break crm-core's architecture rules, one package per rule, so
 * {@code CoreArchitectureTest} can show that each rule fails on them. Test sources only: the
 * production import excludes them.
 */
package dev.custodian.crm.core.architecture.bad;
