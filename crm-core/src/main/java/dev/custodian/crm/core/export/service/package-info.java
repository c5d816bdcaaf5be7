/** The export use cases' implementation. */
package dev.custodian.crm.core.export.service;
