package org.laymanlabs.sandbox.kube.proxy;

/**
 * Mirrors pkg/proxy/endpoint.go BaseEndpointInfo: one address and port of an EndpointSlice with
 * its conditions, read as endpointslicecache.go reads them (a missing ready or serving counts as
 * true, a missing terminating as false).
 */
record Endpoint(String ip, int port, boolean ready, boolean serving, boolean terminating) {

    /** "ip:port", the string kube-proxy sorts endpoints by and hashes into the KUBE-SEP- name. */
    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
