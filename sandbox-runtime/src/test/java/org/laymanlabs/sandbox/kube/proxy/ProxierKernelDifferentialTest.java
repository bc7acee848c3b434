package org.laymanlabs.sandbox.kube.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.iptables.IptablesRestoreCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesSaveCommand;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * The Proxier's output loaded twice, the way kube-proxy loads it (EnsureChain and EnsureRule
 * for the jumps, then iptables-restore --noflush --counters): into a real network namespace on
 * this machine's kernel and into the sandbox; iptables-save must print the same in both, after a
 * first sync and after a second one that deletes a Service's chains. Skipped where namespaces
 * cannot be created.
 */
@DisplayName("the Proxier's rules save the same from the sandbox as from the Linux kernel")
class ProxierKernelDifferentialTest {

    private static final String NAMESPACE = "llproxy" + (ProcessHandle.current().pid() % 100000);

    private final Netfilter sim = new Netfilter(new VirtualClock(Instant.parse("2026-11-26T09:00:00Z")), new SplittableRandom(1));

    private record Run(String stdout, String stderr, int exitCode) {
    }

    @BeforeEach
    void addTheNamespace() {
        Assumptions.assumeTrue(bash("command -v iptables-nft-restore", "").exitCode() == 0, "iptables-nft is not installed");
        bash("ip netns del " + NAMESPACE, "");
        Run add = bash("ip netns add " + NAMESPACE, "");
        Assumptions.assumeTrue(add.exitCode() == 0, "cannot create network namespaces here: " + add.stderr());
    }

    @AfterEach
    void deleteTheNamespace() {
        bash("ip netns del " + NAMESPACE, "");
    }

    @Test
    void everyKindOfServiceSavesTheSameAndStaleChainsGoTheSameWay() {
        List<ServicePort> all = List.of(ProxyRulesTest.ONE, ProxyRulesTest.THREE, ProxyRulesTest.NODE_PORT,
                ProxyRulesTest.AFFINITY, ProxyRulesTest.NO_ENDPOINTS);
        sync(all);
        assertThat(kernelSave()).contains("-A KUBE-SVC-AQI2S6QIMU7PVVRP", "--rcheck --seconds 10800", "-j KUBE-EXT-X27LE4BHSL4DOUIK");
        assertThat(withoutDates(sandboxSave())).isEqualTo(withoutDates(kernelSave()));

        sync(List.of(ProxyRulesTest.ONE, ProxyRulesTest.NO_ENDPOINTS));
        assertThat(withoutDates(sandboxSave())).isEqualTo(withoutDates(kernelSave())).doesNotContain("KUBE-SVC-AQI2S6QIMU7PVVRP");
    }

    private void sync(List<ServicePort> ports) {
        new Proxier.JumpRules(sim).ensure();
        for (List<String> check : Proxier.JumpRules.checks()) {
            String chain = check.get(check.size() - 1);
            bash(iptables(List.of(check.get(0), check.get(1), "-N", chain)), "");
            String insert = iptables(check).replace(" '-C' ", " '-I' ");
            assertThat(bash(iptables(check) + " 2>/dev/null || " + insert, "").exitCode()).isZero();
        }
        List<String> existing = sim.table(org.laymanlabs.sandbox.net.netfilter.TableName.NAT).chains().stream()
                .map(org.laymanlabs.sandbox.net.netfilter.Chain::name).toList();
        String rules = ProxyRules.write(ProxyRulesTest.CLUSTER_CIDR, ports, existing);
        Run real = bash("ip netns exec " + NAMESPACE + " iptables-nft-restore --noflush --counters", rules);
        assertThat(real.stderr()).isEmpty();
        CommandResult simulated = new IptablesRestoreCommand(sim).run(new Invocation(List.of("--noflush", "--counters"), rules, null));
        assertThat(simulated.stderr()).isEmpty();
    }

    private String iptables(List<String> args) {
        return "ip netns exec " + NAMESPACE + " iptables-nft " + args.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" "));
    }

    private String kernelSave() {
        return bash("ip netns exec " + NAMESPACE + " iptables-nft-save", "").stdout();
    }

    private String sandboxSave() {
        return new IptablesSaveCommand(sim).run(new Invocation(List.of(), "", null)).stdout();
    }

    private static String withoutDates(String save) {
        return Arrays.stream(save.split("\n")).filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
    }

    private static Run bash(String line, String input) {
        try {
            Process process = new ProcessBuilder("bash", "-c", line).start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(out, err + "timed out", 124);
            }
            return new Run(out, err, process.exitValue());
        } catch (IOException e) {
            return new Run("", e.getMessage(), 127);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run("", "interrupted", 130);
        }
    }
}
