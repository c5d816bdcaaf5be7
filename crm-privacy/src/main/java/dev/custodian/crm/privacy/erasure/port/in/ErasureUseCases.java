package dev.custodian.crm.privacy.erasure.port.in;

import java.util.Objects;

/** The erasure feature's in-ports, handed out together (to an adapter, or to an embedder). */
public record ErasureUseCases(EraseContactUseCase erase, ListErasureReceiptsUseCase list) {

  public ErasureUseCases {
    Objects.requireNonNull(erase, "erase");
    Objects.requireNonNull(list, "list");
  }
}
