package org.laymanlabs.backend.session;

import java.util.List;
import java.util.Map;

/**
 * What is saved after each input: the journal (the snapshot proper), and, for the pages that show
 * them without a live sandbox, the terminal's scrollback and the learner's files.
 *
 * @param files the workspace's files by absolute path
 */
public record SandboxState(SandboxJournal journal, List<HistoryLine> history, Map<String, String> files) {

    public SandboxState {
        history = List.copyOf(history);
        files = Map.copyOf(files);
    }
}
