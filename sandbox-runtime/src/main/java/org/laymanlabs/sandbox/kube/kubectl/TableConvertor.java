package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * Mirrors kube-apiserver's rest.TableConvertor (pkg/printers/internalversion): the columns each
 * kind's printer declares and the cells it fills, for an HTTP API that answers a meta.k8s.io
 * Table. The same printers lay out the sandbox's own {@code kubectl get}, so both agree.
 */
public final class TableConvertor {

    /** metav1.TableColumnDefinition: priority 1 columns show only with {@code -o wide}. */
    public record ColumnDefinition(String name, String type, String format, int priority) {
    }

    private TableConvertor() {
    }

    /** The kind's columns, or empty for a kind without a printer (the server's default Name and Created At). */
    public static Optional<List<ColumnDefinition>> columns(ResourceType type) {
        return Optional.ofNullable(Printers.table(type)).map(table -> table.columns().stream()
                .map(c -> new ColumnDefinition(c.name(), "string", c.name().equals("Name") ? "name" : "", c.wide() ? 1 : 0))
                .toList());
    }

    /** One object's cells, every column's, as the server's printer fills them at {@code now}. */
    public static List<String> cells(ResourceType type, HasMetadata object, Instant now) {
        return Printers.table(type).row().apply(object, now);
    }
}
