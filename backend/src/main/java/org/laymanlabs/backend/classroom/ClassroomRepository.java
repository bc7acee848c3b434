package org.laymanlabs.backend.classroom;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Classrooms by instructor and by join code. */
interface ClassroomRepository extends CrudRepository<Classroom, UUID> {

    List<Classroom> findByInstructorIdOrderByCreatedAt(UUID instructorId);

    List<Classroom> findAllByOrderByCreatedAt();

    Optional<Classroom> findByJoinCode(String joinCode);

    boolean existsByJoinCode(String joinCode);
}
