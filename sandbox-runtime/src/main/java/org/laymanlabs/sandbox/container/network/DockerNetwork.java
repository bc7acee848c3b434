package org.laymanlabs.sandbox.container.network;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * One Docker network, as libnetwork's network.go holds it: the default {@code bridge} (docker0),
 * {@code host}, {@code none}, or a user-defined bridge ({@code br-<12 hex>}) whose containers find
 * each other by name.
 */
public final class DockerNetwork {

    /** The network driver, named as {@code docker network ls} prints it. */
    public enum Driver {
        BRIDGE("bridge"), HOST("host"), NULL("null");

        private final String text;

        Driver(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final String id;
    private final String name;
    private final Driver driver;
    private final Instant created;
    private final String bridgeName;
    private final Ipam ipam;
    private final boolean userDefined;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    DockerNetwork(String id, String name, Driver driver, Instant created, String bridgeName, Ipam ipam,
                  boolean userDefined) {
        this.id = id;
        this.name = name;
        this.driver = driver;
        this.created = created;
        this.bridgeName = bridgeName;
        this.ipam = ipam;
        this.userDefined = userDefined;
    }

    public String id() {
        return id;
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    public String name() {
        return name;
    }

    public Driver driver() {
        return driver;
    }

    public Instant created() {
        return created;
    }

    /** The Linux bridge behind it ({@code docker0}, {@code br-…}); none for host and none. */
    public Optional<String> bridgeName() {
        return Optional.ofNullable(bridgeName);
    }

    public Optional<Cidr> subnet() {
        return Optional.ofNullable(ipam).map(Ipam::subnet);
    }

    public Optional<Ipv4Address> gateway() {
        return Optional.ofNullable(ipam).map(Ipam::gateway);
    }

    /** Whether a user made it, which is what turns on the embedded DNS. */
    public boolean isUserDefined() {
        return userDefined;
    }

    public Collection<Endpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    public Optional<Endpoint> endpointOf(String containerId) {
        return Optional.ofNullable(endpoints.get(containerId));
    }

    Ipam ipam() {
        return ipam;
    }

    void add(Endpoint endpoint) {
        endpoints.put(endpoint.containerId(), endpoint);
    }

    void remove(String containerId) {
        endpoints.remove(containerId);
    }
}
