package dev.custodian.crm.http.consent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The client's network as consent proof keeps it: the socket address cut at the edge to its /24
 * (IPv4) or /48 (IPv6), so the ledger never holds a whole address.
 */
final class ClientNetwork {

  private ClientNetwork() {}

  static Optional<String> of(String socketAddress) {
    if (socketAddress == null || socketAddress.isBlank()) {
      return Optional.empty();
    }
    try {
      // a literal address only (the socket's): getByName does no lookup for one
      byte[] bytes = InetAddress.getByName(socketAddress).getAddress();
      int keep = bytes.length == 4 ? 3 : 6;
      byte[] cut = new byte[bytes.length];
      System.arraycopy(bytes, 0, cut, 0, keep);
      return Optional.of(InetAddress.getByAddress(cut).getHostAddress() + (bytes.length == 4 ? "/24" : "/48"));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
