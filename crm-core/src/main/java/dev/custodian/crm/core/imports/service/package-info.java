/** Services of the import feature, the runner that workers call, and their factory, ImportServices. */
package dev.custodian.crm.core.imports.service;
