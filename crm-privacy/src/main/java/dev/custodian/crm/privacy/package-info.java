/** The library's entry point, {@link dev.custodian.crm.privacy.Custodian}, and the privacy engines over the core's ports. */
package dev.custodian.crm.privacy;
