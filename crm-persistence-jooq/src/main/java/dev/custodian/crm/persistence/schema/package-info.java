/** Setting up the database: roles, migrations, connection pools, and the check that the application role cannot bypass row-level security. */
package dev.custodian.crm.persistence.schema;
