/** The adapter kit: the port fixture, the base of the port contracts, the keyset walk check and the in-memory persistence. */
package dev.custodian.crm.core.testing;
