package org.laymanlabs.backend.classroom;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Who is in which classroom. */
interface ClassroomMemberRepository extends CrudRepository<ClassroomMember, UUID> {

    List<ClassroomMember> findByClassroomId(UUID classroomId);

    List<ClassroomMember> findByAccountId(UUID accountId);

    boolean existsByClassroomIdAndAccountId(UUID classroomId, UUID accountId);
}
