package org.laymanlabs.backend.session;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

/** Stored scrollback per attempt. */
interface TerminalLineRepository extends CrudRepository<TerminalLine, UUID> {

    @Query("select t from TerminalLine t where t.attemptId = ?1 order by t.seq")
    List<TerminalLine> findByAttemptIdOrderBySeq(UUID attemptId);

    @Query("select coalesce(max(t.seq), 0) from TerminalLine t where t.attemptId = ?1")
    long lastSeq(UUID attemptId);

    /**
     * The newest stored line's number if it is {@code from} or later, else null: a walk over the
     * few newest entries of the (attempt, seq) index, where {@link #lastSeq} walks all of the
     * attempt's up to 500 stored lines (the database does not read that index backwards).
     */
    @Query("select max(t.seq) from TerminalLine t where t.attemptId = ?1 and t.seq >= ?2")
    Long lastSeqFrom(UUID attemptId, long from);

    @Modifying
    @Query("delete from TerminalLine t where t.attemptId = ?1 and t.seq <= ?2")
    void deleteUpTo(UUID attemptId, long seq);

    @Modifying
    @Query("delete from TerminalLine t where t.attemptId = ?1")
    void deleteAll(UUID attemptId);
}
