/** Where the server's master key comes from, and its check at start. */
package dev.custodian.crm.app.keys;
