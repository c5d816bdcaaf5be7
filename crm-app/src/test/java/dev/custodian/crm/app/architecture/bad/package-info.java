/**
 * Deliberately bad classes for crm-app's architecture rules. Each subpackage is a miniature of the
 * project (its own {@code core}, {@code persistence}, {@code http}, {@code app} packages) that
 * breaks one rule, so {@code ArchitectureRulesFailOnBadClassesTest} can run that rule on it and
 * show it fails. Test sources only: the production import excludes them.
 */
package dev.custodian.crm.app.architecture.bad;
