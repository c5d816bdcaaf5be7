/**
 * Deliberately bad classes that break crm-privacy's architecture rules, one package per rule, so
 * {@code PrivacyArchitectureTest} can show that each rule fails on them. Test sources only: the
 * production import excludes them.
 */
package dev.custodian.crm.privacy.architecture.bad;
