package org.laymanlabs.backend.kubeapi;

import org.laymanlabs.sandbox.Sandbox;

/** Interim copy of the session's dispatcher port (api-journal-contract.md), until it lands on main. */
public interface ApiDispatcher {
    String api();

    ApiResponse dispatch(Sandbox sandbox, ApiRequest request);
}
