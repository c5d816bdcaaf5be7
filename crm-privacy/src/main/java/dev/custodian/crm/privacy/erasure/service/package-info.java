/** Services of erasure and their factory, ErasureServices; the contact record always takes part. */
package dev.custodian.crm.privacy.erasure.service;
