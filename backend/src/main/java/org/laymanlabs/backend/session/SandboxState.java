package org.laymanlabs.backend.session;

import java.util.List;
import java.util.Map;

/**
 * What is saved after each input: the journal (the snapshot proper), and, for the pages that show
 * them without a live sandbox, the terminal's scrollback and the learner's files.
 *
 * @param files      the workspace's files by absolute path
 * @param checkpoint the sandbox's checkpoint at the journal's present, taken when it is evicted; null
 *                   after an ordinary input (the stored one, if any, stays and covers fewer inputs)
 */
public record SandboxState(SandboxJournal journal, List<HistoryLine> history, Map<String, String> files,
                           SandboxCheckpoint checkpoint) {

    public SandboxState {
        history = List.copyOf(history);
        files = Map.copyOf(files);
    }

    /** The state saved after an input: the stored checkpoint, if any, stays as it is. */
    public SandboxState(SandboxJournal journal, List<HistoryLine> history, Map<String, String> files) {
        this(journal, history, files, null);
    }
}
