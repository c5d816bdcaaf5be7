/** The bundled server: command line, configuration and start-up. */
package dev.custodian.crm.app;
