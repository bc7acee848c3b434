package org.laymanlabs.sandbox.kube.dns;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodDNSConfigOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A pod's /etc/resolv.conf, as the kubelet decides it (pkg/kubelet/network/dns/dns.go,
 * GetPodDNS) and containerd writes it (parseDNSOptions: search, nameserver lines, options):
 * ClusterFirst points at the cluster DNS Service with the namespace's search path and
 * {@code ndots:5}; Default (and ClusterFirst with hostNetwork) copies the node's resolv.conf;
 * None starts empty; ClusterFirstWithHostNet is ClusterFirst even on the host network. The pod's
 * own dnsConfig is then appended, duplicates dropped, its options overriding same-named ones,
 * and the result cut to the kubelet's limits (3 nameservers, 32 search domains of 2048 characters).
 */
public final class ResolvConf {

    private static final int MAX_NAMESERVERS = 3;
    private static final int MAX_SEARCH_PATHS = 32;
    private static final int MAX_SEARCH_CHARS = 2048;

    private ResolvConf() {
    }

    /** The file for {@code pod}; {@code nodeResolvConf} is the text of the kubelet's --resolv-conf. */
    public static String forPod(Pod pod, String clusterDomain, String clusterDnsIp, String nodeResolvConf) {
        List<String> servers = new ArrayList<>();
        List<String> searches = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String policy = pod.getSpec().getDnsPolicy() == null ? "ClusterFirst" : pod.getSpec().getDnsPolicy();
        boolean hostNetwork = Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
        boolean cluster = policy.equals("ClusterFirstWithHostNet") || policy.equals("ClusterFirst") && !hostNetwork;
        if (!policy.equals("None")) {
            readNode(nodeResolvConf, servers, searches, options);
        }
        if (cluster && !clusterDnsIp.isEmpty()) {
            servers = new ArrayList<>(List.of(clusterDnsIp));
            String namespace = pod.getMetadata().getNamespace() == null ? "default" : pod.getMetadata().getNamespace();
            List<String> clusterSearch = new ArrayList<>(List.of(namespace + ".svc." + clusterDomain,
                    "svc." + clusterDomain, clusterDomain));
            clusterSearch.addAll(searches);
            searches = clusterSearch;
            options = new ArrayList<>(List.of("ndots:5"));
        }
        PodDNSConfig own = pod.getSpec().getDnsConfig();
        if (own != null) {
            servers.addAll(own.getNameservers() == null ? List.of() : own.getNameservers());
            searches.addAll(own.getSearches() == null ? List.of() : own.getSearches());
            options = merge(options, own.getOptions() == null ? List.of() : own.getOptions());
        }
        return write(limitServers(distinct(servers)), limitSearches(distinct(searches)), options);
    }

    /** The kubelet's parseResolvConf: nameservers, the last search line (dots trimmed), every option. */
    private static void readNode(String text, List<String> servers, List<String> searches, List<String> options) {
        for (String raw : text.lines().toList()) {
            int comment = raw.indexOf('#');
            String[] fields = (comment < 0 ? raw : raw.substring(0, comment)).strip().split("\\s+");
            if (fields.length < 2) {
                continue;
            }
            switch (fields[0]) {
                case "nameserver" -> servers.add(fields[1]);
                case "search" -> {
                    searches.clear();
                    for (int i = 1; i < fields.length; i++) {
                        if (!fields[i].equals(".")) {
                            searches.add(fields[i].endsWith(".") ? fields[i].substring(0, fields[i].length() - 1) : fields[i]);
                        }
                    }
                }
                case "options" -> options.addAll(List.of(fields).subList(1, fields.length));
                default -> { }
            }
        }
    }

    /** mergeDNSOptions: one option per name, the pod's value winning, in first-seen order. */
    private static List<String> merge(List<String> existing, List<PodDNSConfigOption> pods) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String option : existing) {
            int colon = option.indexOf(':');
            byName.put(colon < 0 ? option : option.substring(0, colon), option);
        }
        for (PodDNSConfigOption option : pods) {
            byName.put(option.getName(), option.getValue() == null ? option.getName()
                    : option.getName() + ":" + option.getValue());
        }
        return new ArrayList<>(byName.values());
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    private static List<String> limitServers(List<String> servers) {
        return servers.size() > MAX_NAMESERVERS ? servers.subList(0, MAX_NAMESERVERS) : servers;
    }

    /** formDNSSearchFitsLimits: at most 32 domains, then no more than 2048 characters joined by spaces. */
    private static List<String> limitSearches(List<String> searches) {
        List<String> kept = new ArrayList<>(searches.size() > MAX_SEARCH_PATHS ? searches.subList(0, MAX_SEARCH_PATHS) : searches);
        while (!kept.isEmpty() && String.join(" ", kept).length() > MAX_SEARCH_CHARS) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    private static String write(List<String> servers, List<String> searches, List<String> options) {
        StringBuilder out = new StringBuilder();
        if (!searches.isEmpty()) {
            out.append("search ").append(String.join(" ", searches)).append('\n');
        }
        if (!servers.isEmpty()) {
            out.append("nameserver ").append(String.join("\nnameserver ", servers)).append('\n');
        }
        if (!options.isEmpty()) {
            out.append("options ").append(String.join(" ", options)).append('\n');
        }
        return out.toString();
    }
}
