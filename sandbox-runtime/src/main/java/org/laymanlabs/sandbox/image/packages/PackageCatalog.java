package org.laymanlabs.sandbox.image.packages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The packages one repository offers, by name: a distribution release's apt or apk archive, or
 * PyPI. Shared, immutable data; every sandbox reads the same tables.
 */
public final class PackageCatalog {

    private final Map<String, Package> byName = new LinkedHashMap<>();

    PackageCatalog(Collection<Package> packages) {
        packages.forEach(p -> byName.put(p.name(), p));
    }

    static PackageCatalog ofRows(String... rows) {
        List<Package> packages = new ArrayList<>();
        for (String row : rows) {
            packages.add(Package.row(row));
        }
        return new PackageCatalog(packages);
    }

    public Optional<Package> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The packages to install for {@code requested}, dependencies first, skipping what is
     * already installed. Every requested name must exist in the catalog.
     */
    public List<Package> resolve(List<String> requested, Set<String> installed) {
        List<Package> order = new ArrayList<>();
        for (String name : requested) {
            visit(name, installed, order);
        }
        return order;
    }

    private void visit(String name, Set<String> installed, List<Package> order) {
        Package p = byName.get(name);
        if (p == null || installed.contains(name) || order.contains(p)) {
            return;
        }
        p.depends().stream().sorted().forEach(dep -> visit(dep, installed, order));
        order.add(p);
    }
}
