package org.laymanlabs.sandbox.kube.proxy;

/**
 * Mirrors pkg/proxy/endpoint.go BaseEndpointInfo: one address and port of an EndpointSlice with
 * its conditions, read as endpointslicecache.go reads them (a missing ready or serving counts as
 * true, a missing terminating as false). {@code local} is true when the endpoint's nodeName is the
 * node this kube-proxy runs on, which is all the Local traffic policies look at.
 */
record Endpoint(String ip, int port, boolean ready, boolean serving, boolean terminating, boolean local) {

    Endpoint(String ip, int port, boolean ready, boolean serving, boolean terminating) {
        this(ip, port, ready, serving, terminating, false);
    }

    /** "ip:port", the string kube-proxy sorts endpoints by and hashes into the KUBE-SEP- name. */
    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
