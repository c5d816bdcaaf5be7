/** Partial updates with JSON merge patch semantics: absent, cleared or set. */
package dev.custodian.crm.core.common.patch;
