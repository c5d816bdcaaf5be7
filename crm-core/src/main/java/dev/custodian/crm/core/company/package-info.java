/** Companies: the organisations a workspace keeps, which its contacts may work for. */
package dev.custodian.crm.core.company;
