/** Private files under the data directory (mode 0600, created whole). */
package dev.custodian.crm.app.files;
