/** The database the server runs on: embedded by default, or external; roles, migrations, readiness. */
package dev.custodian.crm.app.database;
